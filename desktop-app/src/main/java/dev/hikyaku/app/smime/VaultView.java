package dev.hikyaku.app.smime;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.Localized;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The identity store's door: choose a password the first time (twice, with a strength hint), type it later. */
final class VaultView {
    static final String PASSWORD_ID = "smimeVaultPassword";
    static final String REPEAT_ID = "smimeVaultRepeat";
    static final String STRENGTH_ID = "smimeVaultStrength";
    static final String OPEN_ID = "smimeVaultOpen";
    static final String MESSAGE_ID = "smimeVaultMessage";
    static final String PROGRESS_ID = "smimeVaultProgress";

    private final LiveText text;
    private final VaultModel model;

    VaultView(LiveText text, VaultModel model) {
        this.text = text;
        this.model = model;
    }

    Node build() {
        Label heading = SmimeControls.heading(text, SmimeText.VAULT_HEADING);
        Label explain = new Label();
        explain.setWrapText(true);
        explain.textProperty().bind(Bindings.when(model.creatingProperty())
                .then(text.text(SmimeText.VAULT_CREATE_EXPLAIN, PasswordStrength.MIN_LENGTH))
                .otherwise(text.text(SmimeText.VAULT_UNLOCK_EXPLAIN)));

        PasswordField password = new PasswordField();
        password.setId(PASSWORD_ID);
        password.setPrefColumnCount(24);
        password.accessibleTextProperty().bind(text.text(SmimeText.VAULT_PASSWORD));
        PasswordField repeat = new PasswordField();
        repeat.setId(REPEAT_ID);
        repeat.accessibleTextProperty().bind(text.text(SmimeText.VAULT_REPEAT));
        Label strength = new Label();
        strength.setId(STRENGTH_ID);
        strength.setAccessibleRole(AccessibleRole.TEXT);
        strength.textProperty().bind(Bindings.createStringBinding(() -> text.now(
                SmimeText.strength(PasswordStrength.of(password.getText()))), password.textProperty(), text.languageProperty()));

        GridPane fields = new GridPane();
        fields.setHgap(10);
        fields.setVgap(8);
        fields.addRow(0, SmimeControls.labelFor(text, SmimeText.VAULT_PASSWORD, password), password, strength);
        Label repeatLabel = SmimeControls.labelFor(text, SmimeText.VAULT_REPEAT, repeat);
        fields.addRow(1, repeatLabel, repeat);
        for (Node node : new Node[] {repeat, repeatLabel, strength}) {
            node.visibleProperty().bind(model.creatingProperty());
            node.managedProperty().bind(model.creatingProperty());
        }

        Button open = new Button();
        open.setId(OPEN_ID);
        open.setMnemonicParsing(true);
        open.setDefaultButton(true);
        open.textProperty().bind(Bindings.when(model.creatingProperty())
                .then(text.text(SmimeText.VAULT_CREATE)).otherwise(text.text(SmimeText.VAULT_UNLOCK)));
        open.disableProperty().bind(model.busyProperty());
        open.setOnAction(event -> {
            char[] typed = password.getText().toCharArray();
            if (model.creatingProperty().get()) {
                model.create(typed, repeat.getText().toCharArray());
            } else {
                model.unlock(typed);
            }
            // The fields' own copies go as soon as the attempt is made.
            password.clear();
            repeat.clear();
        });
        ProgressIndicator progress = SmimeControls.progress(PROGRESS_ID, text, model.busyProperty());

        Label message = new Label();
        message.setId(MESSAGE_ID);
        message.setWrapText(true);
        message.setAccessibleRole(AccessibleRole.TEXT);
        message.setFocusTraversable(true);
        message.textProperty().bind(localized(model.messageProperty().get()));
        model.messageProperty().addListener((property, before, after) -> message.textProperty().bind(localized(after)));

        VBox root = new VBox(12, heading, explain, fields, new HBox(12, open, progress), message);
        root.setPadding(new Insets(16));
        root.setMaxWidth(720);
        return root;
    }

    private StringBinding localized(Optional<Localized> shown) {
        return SmimeControls.localized(text, shown.orElse(locale -> ""));
    }
}
