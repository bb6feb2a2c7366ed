package dev.hikyaku.app.smime;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.Localized;
import dev.hikyaku.smime.acme.AcmeStepException;
import dev.hikyaku.smime.acme.DirectoryUrl;
import dev.hikyaku.smime.request.KeyAlgorithm;
import dev.hikyaku.smime.wizard.WizardInput;
import dev.hikyaku.smime.wizard.WizardStep;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The screens of the ACME for S/MIME path (RFC 8823): the directory URL on the first step, the CA's terms, handing
 * over the challenge mail, and waiting while the CA checks the answer.
 */
final class AcmeScreens {
    static final String URL_ID = "smimeAcmeUrl";
    static final String URL_PROBLEM_ID = "smimeAcmeUrlProblem";
    static final String TERMS_ID = "smimeAcmeTerms";
    static final String TERMS_COPY_ID = "smimeAcmeTermsCopy";
    static final String KEY_RSA_ID = "smimeAcmeKeyRsa";
    static final String KEY_EC_ID = "smimeAcmeKeyEc";
    static final String AGREE_ID = "smimeAcmeAgree";
    static final String CHALLENGE_EXPLAIN_ID = "smimeAcmeChallengeExplain";
    static final String CHALLENGE_DROP_ID = "smimeAcmeChallengeDrop";
    static final String CHALLENGE_FILE_ID = "smimeAcmeChallengeFile";
    static final String CHALLENGE_BROWSE_ID = "smimeAcmeChallengeBrowse";
    static final String CHALLENGE_PASTE_ID = "smimeAcmeChallengePaste";
    static final String ANSWER_ID = "smimeAcmeAnswer";
    static final String VALIDATION_PROGRESS_ID = "smimeAcmeValidationProgress";
    static final String VALIDATION_STATUS_ID = "smimeAcmeValidationStatus";
    static final String ASK_AGAIN_ID = "smimeAcmeAskAgain";

    private final LiveText text;
    private final WizardModel model;

    AcmeScreens(LiveText text, WizardModel model) {
        this.text = text;
        this.model = model;
    }

    /** The directory URL field of the first step, checked as the user types; the problem shows right under it. */
    record UrlField(Node node, TextField field, Runnable insist) {
        /** The URL when it is acceptable; otherwise the problem shows (even for an empty field) and it takes focus. */
        Optional<URI> directory() {
            try {
                return Optional.of(DirectoryUrl.parse(field.getText()));
            } catch (AcmeStepException e) {
                insist.run();
                field.requestFocus();
                return Optional.empty();
            }
        }
    }

    UrlField urlField(RadioButton acme) {
        TextField url = new TextField();
        url.setId(URL_ID);
        url.setPromptText("https://acme.example.co.jp/directory");
        url.setPrefColumnCount(36);
        url.accessibleTextProperty().bind(text.text(SmimeText.ACME_URL));
        Label problem = new Label();
        problem.setId(URL_PROBLEM_ID);
        problem.setWrapText(true);
        problem.setAccessibleRole(AccessibleRole.TEXT);
        problem.setStyle("-fx-text-fill: #a00000;");
        boolean[] insisted = {false};
        Runnable check = () -> {
            String typed = url.getText();
            Optional<AcmeStepException> wrong = Optional.empty();
            // An empty field is not yet wrong while the user is still choosing.
            if (!typed.isBlank() || insisted[0]) {
                try {
                    DirectoryUrl.parse(typed);
                } catch (AcmeStepException e) {
                    wrong = Optional.of(e);
                }
            }
            if (wrong.isPresent()) {
                problem.textProperty().bind(SmimeControls.localized(text, new OwnText(SmimeText.PROBLEM_ERROR,
                        new NoticeText(wrong.get().notice()))));
            } else {
                problem.textProperty().unbind();
                problem.setText("");
            }
            problem.setVisible(wrong.isPresent());
            problem.setManaged(wrong.isPresent());
        };
        url.textProperty().addListener((property, before, after) -> check.run());
        check.run();
        GridPane fields = new GridPane();
        fields.setHgap(10);
        fields.setVgap(4);
        fields.setPadding(new Insets(0, 0, 0, 24));
        fields.addRow(0, SmimeControls.labelFor(text, SmimeText.ACME_URL, url), url);
        fields.add(problem, 1, 1);
        fields.disableProperty().bind(acme.selectedProperty().not());
        return new UrlField(fields, url, () -> {
            insisted[0] = true;
            check.run();
        });
    }

    Node terms(WizardStep.AcmeTerms step, Node problems) {
        Node termsLine;
        if (step.termsOfService().isPresent()) {
            String address = step.termsOfService().get().toString();
            TextField terms = new TextField(address);
            terms.setId(TERMS_ID);
            terms.setEditable(false);
            terms.setPrefColumnCount(40);
            terms.accessibleTextProperty().bind(text.text(SmimeText.ACME_TERMS_LINK));
            Button copy = SmimeControls.button(TERMS_COPY_ID, text, SmimeText.ACME_TERMS_COPY, () -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(address);
                Clipboard.getSystemClipboard().setContent(content);
            });
            termsLine = new HBox(10, SmimeControls.labelFor(text, SmimeText.ACME_TERMS_LINK, terms), terms, copy);
        } else {
            Label none = SmimeControls.paragraph(text, SmimeText.ACME_TERMS_NONE);
            none.setId(TERMS_ID);
            termsLine = none;
        }
        ToggleGroup keys = new ToggleGroup();
        RadioButton rsa = SmimeControls.radio(KEY_RSA_ID, text, SmimeText.KEY_RSA, keys);
        RadioButton ec = SmimeControls.radio(KEY_EC_ID, text, SmimeText.KEY_EC, keys);
        rsa.setSelected(true);
        Button agree = SmimeControls.button(AGREE_ID, text, SmimeText.ACME_AGREE, () ->
                model.submit(new WizardInput.AgreeToTerms(ec.isSelected() ? KeyAlgorithm.EC_P256 : KeyAlgorithm.RSA_3072)));
        agree.setDefaultButton(true);
        agree.disableProperty().bind(model.busyProperty());
        return new VBox(10, SmimeControls.paragraph(text, SmimeText.ACME_TERMS_EXPLAIN, step.directory().getHost(),
                step.account().address().toString()), termsLine, rsa, ec, problems, agree);
    }

    Node challenge(WizardStep.AcmeChallenge step, Node problems) {
        Label explain = SmimeControls.paragraph(text, SmimeText.ACME_CHALLENGE_EXPLAIN,
                step.account().address().toString(), step.order().expectedSender());
        explain.setId(CHALLENGE_EXPLAIN_ID);
        Label drop = SmimeControls.paragraph(text, SmimeText.ACME_CHALLENGE_DROP);
        drop.setId(CHALLENGE_DROP_ID);
        drop.setPadding(new Insets(12));
        drop.setMaxWidth(Double.MAX_VALUE);
        drop.setStyle("-fx-border-color: derive(-fx-base, -30%); -fx-border-style: dashed; -fx-border-width: 2;");

        TextField file = new TextField();
        file.setId(CHALLENGE_FILE_ID);
        file.setPrefColumnCount(36);
        file.accessibleTextProperty().bind(text.text(SmimeText.ACME_CHALLENGE_FILE));
        Button browse = SmimeControls.button(CHALLENGE_BROWSE_ID, text, SmimeText.BROWSE, () -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(text.now(SmimeText.ACME_CHALLENGE_FILE));
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("*.eml", "*.eml"),
                    new FileChooser.ExtensionFilter("*", "*"));
            File chosen = chooser.showOpenDialog(file.getScene().getWindow());
            if (chosen != null) {
                file.setText(chosen.getPath());
            }
        });
        TextArea paste = new TextArea();
        paste.setId(CHALLENGE_PASTE_ID);
        paste.setPrefRowCount(6);
        paste.setStyle("-fx-font-family: monospace;");
        paste.accessibleTextProperty().bind(text.text(SmimeText.ACME_CHALLENGE_PASTE));
        // A chosen file and pasted text are two ways to the same thing: taking one clears the other.
        file.textProperty().addListener((property, before, after) -> {
            if (!after.isBlank()) {
                paste.clear();
            }
        });
        paste.textProperty().addListener((property, before, after) -> {
            if (!after.isBlank()) {
                file.clear();
            }
        });
        GridPane fields = new GridPane();
        fields.setHgap(10);
        fields.setVgap(8);
        fields.addRow(0, SmimeControls.labelFor(text, SmimeText.ACME_CHALLENGE_FILE, file), file, browse);
        fields.add(SmimeControls.labelFor(text, SmimeText.ACME_CHALLENGE_PASTE, paste), 0, 1, 3, 1);
        fields.add(paste, 0, 2, 3, 1);
        fields.add(problems, 0, 3, 3, 1);

        Button answer = SmimeControls.button(ANSWER_ID, text, SmimeText.ACME_CHALLENGE_ANSWER, () -> {
            String chosen = file.getText().strip();
            if (!chosen.isEmpty()) {
                model.challengeFile(Path.of(chosen));
            } else {
                model.challengeText(paste.getText());
            }
        });
        answer.setDefaultButton(true);
        answer.disableProperty().bind(model.busyProperty());

        VBox root = new VBox(10, explain, drop, fields, answer);
        SmimeControls.acceptDroppedFile(root, file);
        return root;
    }

    Node validation(Node problems) {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId(VALIDATION_PROGRESS_ID);
        progress.setPrefSize(32, 32);
        progress.accessibleTextProperty().bind(text.text(SmimeText.ACME_VALIDATION_ASKING));
        // Spinning means Hikyaku is still asking; a refusal or timeout (an error shown) stops it.
        progress.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> model.problems().stream().noneMatch(ShownProblem::error), model.problems()));
        Label status = new Label();
        status.setId(VALIDATION_STATUS_ID);
        status.setWrapText(true);
        status.setAccessibleRole(AccessibleRole.TEXT);
        status.setFocusTraversable(true);
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            Localized shown = model.acmeStatusProperty().get();
            return (shown == null ? new OwnText(SmimeText.ACME_VALIDATION_ASKING) : shown)
                    .in(text.languageProperty().get().locale());
        }, model.acmeStatusProperty(), text.languageProperty()));
        HBox asking = new HBox(12, progress, status);
        asking.setAlignment(Pos.CENTER_LEFT);
        Button again = SmimeControls.button(ASK_AGAIN_ID, text, SmimeText.ACME_VALIDATION_AGAIN, model::pollNow);
        again.disableProperty().bind(model.busyProperty());
        return new VBox(10, SmimeControls.paragraph(text, SmimeText.ACME_VALIDATION_EXPLAIN), asking, problems, again);
    }

}
