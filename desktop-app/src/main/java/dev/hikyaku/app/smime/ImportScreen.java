package dev.hikyaku.app.smime;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.smime.wizard.WizardStep;
import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The import step: the request to hand the CA (shown, copied, saved) when one was made here, then the file the CA
 * issued (chosen or dropped) with the PKCS#12 password, and the Baseline check's problems right under the field.
 */
final class ImportScreen {
    static final String REQUEST_ID = "smimeRequest";
    static final String COPY_ID = "smimeRequestCopy";
    static final String SAVE_ID = "smimeRequestSave";
    static final String FILE_ID = "smimeImportFile";
    static final String BROWSE_ID = "smimeImportBrowse";
    static final String PASSWORD_ID = "smimeImportPassword";
    static final String IMPORT_ID = "smimeImport";
    static final String DROP_ID = "smimeImportDrop";
    static final String NOTE_ID = "smimeImportNote";

    private final LiveText text;
    private final WizardModel model;

    ImportScreen(LiveText text, WizardModel model) {
        this.text = text;
        this.model = model;
    }

    Node build(WizardStep.ImportCertificate step, Node problems) {
        VBox root = new VBox(10);
        Label note = new Label();
        note.setId(NOTE_ID);
        note.setWrapText(true);
        if (step.request().isPresent()) {
            String pem = step.request().get();
            TextArea request = new TextArea(pem);
            request.setId(REQUEST_ID);
            request.setEditable(false);
            request.setPrefRowCount(8);
            request.setStyle("-fx-font-family: monospace;");
            request.accessibleTextProperty().bind(text.text(SmimeText.REQUEST_PEM));
            Button copy = SmimeControls.button(COPY_ID, text, SmimeText.REQUEST_COPY, () -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(pem);
                Clipboard.getSystemClipboard().setContent(content);
            });
            Button save = SmimeControls.button(SAVE_ID, text, SmimeText.REQUEST_SAVE, () -> saveRequest(request, pem));
            root.getChildren().addAll(SmimeControls.paragraph(text, SmimeText.IMPORT_REQUEST_EXPLAIN),
                    request, new HBox(12, copy, save));
            note.textProperty().bind(text.text(SmimeText.IMPORT_CERTIFICATE_EXPLAIN));
        } else {
            note.textProperty().bind(text.text(SmimeText.IMPORT_PKCS12_EXPLAIN));
        }

        TextField file = new TextField();
        file.setId(FILE_ID);
        file.setPrefColumnCount(36);
        file.accessibleTextProperty().bind(text.text(SmimeText.IMPORT_FILE));
        Button browse = SmimeControls.button(BROWSE_ID, text, SmimeText.BROWSE, () -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(text.now(SmimeText.IMPORT_FILE));
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("*.p12, *.pfx, *.cer, *.crt, *.pem, *.p7b", "*.p12", "*.pfx", "*.cer",
                            "*.crt", "*.pem", "*.p7b"),
                    new FileChooser.ExtensionFilter("*", "*"));
            File chosen = chooser.showOpenDialog(file.getScene().getWindow());
            if (chosen != null) {
                file.setText(chosen.getPath());
            }
        });
        PasswordField password = new PasswordField();
        password.setId(PASSWORD_ID);
        password.accessibleTextProperty().bind(text.text(SmimeText.IMPORT_PASSWORD));
        GridPane fields = new GridPane();
        fields.setHgap(10);
        fields.setVgap(8);
        fields.addRow(0, SmimeControls.labelFor(text, SmimeText.IMPORT_FILE, file), file, browse);
        fields.addRow(1, SmimeControls.labelFor(text, SmimeText.IMPORT_PASSWORD, password), password);
        fields.add(problems, 1, 2, 2, 1);

        Button importButton = SmimeControls.button(IMPORT_ID, text, SmimeText.IMPORT, () -> {
            String chosen = file.getText().strip();
            if (!chosen.isEmpty()) {
                model.importFile(Path.of(chosen), password.getText().toCharArray());
                password.clear();
            }
        });
        importButton.setDefaultButton(true);
        importButton.disableProperty().bind(model.busyProperty().or(file.textProperty().isEmpty()));

        Label drop = SmimeControls.paragraph(text, SmimeText.IMPORT_DROP);
        drop.setId(DROP_ID);
        drop.setPadding(new Insets(12));
        drop.setMaxWidth(Double.MAX_VALUE);
        drop.setStyle("-fx-border-color: derive(-fx-base, -30%); -fx-border-style: dashed; -fx-border-width: 2;");
        SmimeControls.acceptDroppedFile(root, file);
        root.getChildren().addAll(note, drop, fields, importButton);
        return root;
    }

    private void saveRequest(Node owner, String pem) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.now(SmimeText.REQUEST_SAVE));
        chooser.setInitialFileName("request.csr");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("*.csr, *.pem", "*.csr", "*.pem"));
        File target = chooser.showSaveDialog(owner.getScene().getWindow());
        if (target != null) {
            model.saveRequest(target.toPath(), pem);
        }
    }
}
