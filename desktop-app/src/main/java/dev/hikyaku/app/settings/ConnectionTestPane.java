package dev.hikyaku.app.settings;

import dev.hikyaku.app.i18n.LiveText;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** "Test connection": an optional user name and password, the button, a progress sign and the result in words. */
final class ConnectionTestPane {
    static final String USER_ID = "testUser";
    static final String PASSWORD_ID = "testPassword";
    static final String BUTTON_ID = "testConnection";
    static final String RESULT_ID = "testResult";

    private final LiveText text;
    private final SettingsModel model;

    ConnectionTestPane(LiveText text, SettingsModel model) {
        this.text = text;
        this.model = model;
    }

    Node content() {
        TextField user = new TextField();
        user.setId(USER_ID);
        user.textProperty().bindBidirectional(model.testUserProperty());
        PasswordField password = new PasswordField();
        password.setId(PASSWORD_ID);

        GridPane login = new GridPane();
        login.setHgap(10);
        login.setVgap(4);
        login.add(label(SettingsText.TEST_USER, user), 0, 0);
        login.add(user, 1, 0);
        login.add(label(SettingsText.TEST_PASSWORD, password), 0, 1);
        login.add(password, 1, 1);

        Button test = new Button();
        test.setId(BUTTON_ID);
        test.textProperty().bind(text.text(SettingsText.TEST_CONNECTION));
        test.setMnemonicParsing(true);
        test.disableProperty().bind(model.testingProperty());
        test.setOnAction(event -> {
            CharSequence typed = password.getCharacters();
            char[] secret = new char[typed.length()];
            for (int i = 0; i < secret.length; i++) {
                secret[i] = typed.charAt(i);
            }
            // The password served this one test; it is not kept in the field either.
            password.clear();
            model.testConnection(secret);
        });

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.testingProperty());

        Label result = new Label();
        result.setId(RESULT_ID);
        result.setWrapText(true);
        result.textProperty().bind(model.testResultProperty());
        result.accessibleTextProperty().bind(model.testResultProperty());

        HBox action = new HBox(10, test, progress);
        action.setStyle("-fx-alignment: center-left;");
        return new VBox(6, login, action, result);
    }

    private Label label(SettingsText key, Control control) {
        Label label = new Label();
        label.textProperty().bind(text.text(key));
        label.setLabelFor(control);
        label.setWrapText(true);
        control.accessibleTextProperty().bind(text.text(key));
        return label;
    }
}
