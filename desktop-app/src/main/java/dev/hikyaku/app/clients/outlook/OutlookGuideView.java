package dev.hikyaku.app.clients.outlook;

import dev.hikyaku.app.clients.LocalSubmission;
import dev.hikyaku.app.i18n.LiveText;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;

/**
 * The Outlook guide as a page to embed (the first-run flow, a settings page): its sections with headings and
 * numbered steps in the current language, and a button copying the values to type.
 */
public final class OutlookGuideView {
    /** The page's node id. */
    public static final String PAGE_ID = "outlookGuide";
    /** The copy button's node id. */
    public static final String COPY_ID = "outlookGuideCopy";
    /** The id prefix of each section's heading, followed by its index. */
    static final String HEADING_ID = "outlookGuideHeading";
    /** The id prefix of each line, followed by the section's and the line's index. */
    static final String LINE_ID = "outlookGuideLine";

    private final LiveText text;
    private final LocalSubmission target;

    /** The guide for the gateway at {@code target}, speaking through {@code text}. */
    public OutlookGuideView(LiveText text, LocalSubmission target) {
        this.text = text;
        this.target = target;
    }

    /** The page: scrollable, keyboard-reachable text. */
    public Node node() {
        VBox page = new VBox(10);
        page.setPadding(new Insets(16));
        int sectionIndex = 0;
        for (GuideSection section : OutlookGuide.sections(target)) {
            Label heading = new Label();
            heading.setId(HEADING_ID + sectionIndex);
            heading.textProperty().bind(text.text(section.title()));
            heading.setAccessibleRole(AccessibleRole.TEXT);
            heading.setStyle("-fx-font-size: 1.15em; -fx-font-weight: bold;");
            heading.setWrapText(true);
            page.getChildren().add(heading);
            int lineIndex = 0;
            for (GuideLine line : section.lines()) {
                Label label = new Label();
                label.setId(LINE_ID + sectionIndex + "_" + lineIndex);
                label.setWrapText(true);
                // Focusable, so a screen reader reaches every step with the keyboard.
                label.setFocusTraversable(true);
                String number = section.numbered() ? (lineIndex + 1) + ". " : "";
                label.textProperty().bind(Bindings.concat(number,
                        text.text(line.text(), line.arguments().toArray())));
                page.getChildren().add(label);
                lineIndex++;
            }
            sectionIndex++;
        }
        Button copy = new Button();
        copy.setId(COPY_ID);
        copy.setMnemonicParsing(true);
        copy.textProperty().bind(text.text(OutlookText.COPY));
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(OutlookGuide.settingsCard(target, text.languageProperty().get()));
            Clipboard.getSystemClipboard().setContent(content);
        });
        page.getChildren().add(copy);
        ScrollPane scroll = new ScrollPane(page);
        scroll.setId(PAGE_ID);
        scroll.setFitToWidth(true);
        return scroll;
    }
}
