package dev.hikyaku.app.smime;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.Localized;
import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/** The few controls every S/MIME screen builds the same way: headings, labels with mnemonics, buttons, progress. */
final class SmimeControls {
    private SmimeControls() {
    }

    static Label heading(LiveText text, SmimeText key, Object... arguments) {
        Label heading = new Label();
        heading.textProperty().bind(text.text(key, arguments));
        heading.setWrapText(true);
        heading.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold;");
        return heading;
    }

    static Label paragraph(LiveText text, SmimeText key, Object... arguments) {
        Label paragraph = new Label();
        paragraph.textProperty().bind(text.text(key, arguments));
        paragraph.setWrapText(true);
        return paragraph;
    }

    /** A label whose mnemonic (an underscore in the text) moves the focus to {@code field}. */
    static Label labelFor(LiveText text, SmimeText key, Node field) {
        Label label = new Label();
        label.textProperty().bind(text.text(key));
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        return label;
    }

    static Button button(String id, LiveText text, SmimeText key, Runnable action) {
        Button button = new Button();
        button.setId(id);
        button.setMnemonicParsing(true);
        button.textProperty().bind(text.text(key));
        button.setOnAction(event -> action.run());
        return button;
    }

    /** A spinner shown while {@code busy}, announced as "working" to screen readers. */
    static ProgressIndicator progress(String id, LiveText text, ObservableBooleanValue busy) {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId(id);
        progress.setPrefSize(24, 24);
        progress.accessibleTextProperty().bind(text.text(SmimeText.WORKING));
        progress.visibleProperty().bind(busy);
        progress.managedProperty().bind(busy);
        return progress;
    }

    /** The localized value in the current language, following the language switch. */
    static StringBinding localized(LiveText text, Localized value) {
        return Bindings.createStringBinding(() -> value.in(text.languageProperty().get().locale()), text.languageProperty());
    }

    static RadioButton radio(String id, LiveText text, SmimeText key, ToggleGroup group) {
        RadioButton radio = new RadioButton();
        radio.setId(id);
        radio.setMnemonicParsing(true);
        radio.textProperty().bind(text.text(key));
        radio.setToggleGroup(group);
        radio.setWrapText(true);
        return radio;
    }

    /** Lets a file dropped anywhere on {@code area} fill {@code target} with its path. */
    static void acceptDroppedFile(Node area, TextField target) {
        area.addEventHandler(DragEvent.DRAG_OVER, event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
        });
        area.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            List<File> files = event.getDragboard().getFiles();
            if (!files.isEmpty()) {
                target.setText(files.get(0).getPath());
                event.setDropCompleted(true);
                event.consume();
            }
        });
    }
}
