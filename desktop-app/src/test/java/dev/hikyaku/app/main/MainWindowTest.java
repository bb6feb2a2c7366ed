package dev.hikyaku.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.gateway.GatewayState;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.app.shell.ShellView;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        LiveText text = new LiveText(UiLanguage.ENGLISH);
        new ShellView(text, List.of(new MainView(new MainViewModel(text,
                new GatewayState.Running(MainViewModelTest.sandbox(10587), "AB:CD"))))).show(stage);
    }

    @Test
    void showsTheSandboxStatusAndTheLoopbackAddress(FxRobot robot) {
        assertEquals("Hikyaku 飛脚", stage.getTitle());
        assertTrue(label(robot, MainView.MODE_ID).getText().startsWith("No outgoing mail server configured yet"));
        Label address = label(robot, MainView.SUBMISSION_ADDRESS_ID);
        assertEquals("127.0.0.1:10587", address.getText());
        assertEquals("Outgoing server to set in your mail client: 127.0.0.1:10587", address.getAccessibleText());
        assertEquals("The local gateway is listening on 127.0.0.1:10587.", label(robot, MainView.GATEWAY_ID).getText());
        assertTrue(label(robot, MainView.FINGERPRINT_ID).getText().contains("AB:CD"));
    }

    @Test
    void switchingToJapaneseAndBackRelabelsTheWindow(FxRobot robot) {
        robot.clickOn("#" + MainView.JAPANESE_ID);
        assertEquals("状態", label(robot, MainView.STATUS_HEADING_ID).getText());
        assertTrue(label(robot, MainView.MODE_ID).getText().contains("サンドボックスモード"));
        assertEquals("メールソフトに設定する送信サーバー (SMTP):", label(robot, MainView.SUBMISSION_LABEL_ID).getText());
        assertEquals("ローカルゲートウェイが 127.0.0.1:10587 で待ち受けています。", label(robot, MainView.GATEWAY_ID).getText());
        assertEquals("言語(_L):", label(robot, MainView.LANGUAGE_LABEL_ID).getText());
        assertEquals("表示言語を英語にする", radio(robot, MainView.ENGLISH_ID).getAccessibleText());
        assertEquals("127.0.0.1:10587", label(robot, MainView.SUBMISSION_ADDRESS_ID).getText());

        robot.clickOn("#" + MainView.ENGLISH_ID);
        assertEquals("Status", label(robot, MainView.STATUS_HEADING_ID).getText());
        assertTrue(label(robot, MainView.MODE_ID).getText().startsWith("No outgoing mail server configured yet"));
        assertEquals("Show the app in English", radio(robot, MainView.ENGLISH_ID).getAccessibleText());
    }

    @Test
    void theLanguageCanBeSwitchedFromTheKeyboard(FxRobot robot) {
        RadioButton english = radio(robot, MainView.ENGLISH_ID);
        robot.interact(english::requestFocus);
        robot.type(KeyCode.SPACE);
        robot.interact(() -> radio(robot, MainView.JAPANESE_ID).requestFocus());
        robot.type(KeyCode.SPACE);
        assertEquals("状態", label(robot, MainView.STATUS_HEADING_ID).getText());
        assertSame(radio(robot, MainView.JAPANESE_ID), label(robot, MainView.LANGUAGE_LABEL_ID).getLabelFor());
    }

    private static Label label(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class);
    }

    private static RadioButton radio(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(RadioButton.class);
    }
}
