package dev.hikyaku.app.settings;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.gateway.packaging.passphrase.BookEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The contacts' passphrases: a table of contact, hint and date (never the passphrase), a form to keep a new or
 * changed one (the passphrase typed twice in password fields, cleared at once) and a remove that asks first.
 */
final class PassphrasePane {
    static final String TABLE_ID = "passphraseTable";
    static final String CONTACT_ID = "passphraseContact";
    static final String PASSPHRASE_ID = "passphraseValue";
    static final String REPEAT_ID = "passphraseRepeat";
    static final String HINT_ID = "passphraseHint";
    static final String KEEP_ID = "passphraseKeep";
    static final String REMOVE_ID = "passphraseRemove";
    static final String STATUS_ID = "passphraseStatus";
    static final String CONFIRM_REMOVE_ID = "passphraseConfirmRemove";

    private final LiveText text;
    private final PassphraseModel model;

    PassphrasePane(LiveText text, PassphraseModel model) {
        this.text = text;
        this.model = model;
    }

    Node content() {
        Label intro = new Label();
        intro.textProperty().bind(text.text(SettingsText.PASSPHRASES_INTRO));
        intro.setWrapText(true);

        TableView<BookEntry> table = table();
        TextField contact = new TextField();
        contact.setId(CONTACT_ID);
        PasswordField passphrase = new PasswordField();
        passphrase.setId(PASSPHRASE_ID);
        PasswordField repeat = new PasswordField();
        repeat.setId(REPEAT_ID);
        TextField hint = new TextField();
        hint.setId(HINT_ID);
        // Choosing a row prepares a change: its contact and hint, never its passphrase.
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, entry) -> {
            if (entry != null) {
                contact.setText(entry.contact().value());
                hint.setText(entry.hint());
            }
        });

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        form.addRow(0, label(SettingsText.CONTACT_LABEL, contact), contact);
        form.addRow(1, label(SettingsText.PASSPHRASE_LABEL, passphrase), passphrase);
        form.addRow(2, label(SettingsText.PASSPHRASE_REPEAT, repeat), repeat);
        form.addRow(3, label(SettingsText.HINT_LABEL, hint), hint);

        Button keep = button(KEEP_ID, SettingsText.PASSPHRASE_SAVE);
        keep.setOnAction(event -> {
            model.keep(contact.getText(), chars(passphrase), chars(repeat), hint.getText());
            passphrase.clear();
            repeat.clear();
        });
        Button remove = button(REMOVE_ID, SettingsText.PASSPHRASE_REMOVE);
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(event -> confirmRemove(table.getSelectionModel().getSelectedItem()));
        keep.disableProperty().bind(model.availableProperty().not());

        Label status = new Label();
        status.setId(STATUS_ID);
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.accessibleTextProperty().bind(model.statusProperty());

        return new VBox(10, intro, table, form, new HBox(10, keep, remove), status);
    }

    private TableView<BookEntry> table() {
        TableView<BookEntry> table = new TableView<>(model.entries());
        table.setId(TABLE_ID);
        table.setPrefHeight(200);
        table.accessibleTextProperty().bind(text.text(SettingsText.TABLE_ACCESSIBLE));
        Label empty = new Label();
        empty.textProperty().bind(text.text(SettingsText.PASSPHRASES_EMPTY));
        table.setPlaceholder(empty);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<BookEntry, String> contact = column(SettingsText.COLUMN_CONTACT);
        contact.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().contact().value()));
        TableColumn<BookEntry, String> hint = column(SettingsText.COLUMN_HINT);
        hint.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().hint()));
        TableColumn<BookEntry, String> updated = column(SettingsText.COLUMN_UPDATED);
        updated.setCellValueFactory(row -> Bindings.createStringBinding(() -> DateTimeFormatter
                .ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(text.languageProperty().get().locale())
                .withZone(ZoneId.systemDefault()).format(row.getValue().updated()), text.languageProperty()));
        table.getColumns().add(contact);
        table.getColumns().add(hint);
        table.getColumns().add(updated);
        return table;
    }

    private TableColumn<BookEntry, String> column(SettingsText title) {
        TableColumn<BookEntry, String> column = new TableColumn<>();
        column.textProperty().bind(text.text(title));
        return column;
    }

    private void confirmRemove(BookEntry entry) {
        if (entry == null) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                text.now(SettingsText.PASSPHRASE_REMOVE_CONFIRM, entry.contact().value()), ButtonType.OK,
                ButtonType.CANCEL);
        alert.setHeaderText(null);
        alert.getDialogPane().lookupButton(ButtonType.OK).setId(CONFIRM_REMOVE_ID);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.OK)).setDefaultButton(false);
        alert.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> model.remove(entry));
    }

    private Label label(SettingsText key, Control control) {
        Label label = new Label();
        label.textProperty().bind(text.text(key));
        label.setMnemonicParsing(true);
        label.setLabelFor(control);
        control.accessibleTextProperty().bind(text.text(key));
        return label;
    }

    private Button button(String id, SettingsText key) {
        Button button = new Button();
        button.setId(id);
        button.textProperty().bind(text.text(key));
        button.setMnemonicParsing(true);
        return button;
    }

    /** The typed characters as an array the model wipes; no String of the passphrase is made here. */
    private static char[] chars(PasswordField field) {
        CharSequence typed = field.getCharacters();
        char[] chars = new char[typed.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = typed.charAt(i);
        }
        return chars;
    }
}
