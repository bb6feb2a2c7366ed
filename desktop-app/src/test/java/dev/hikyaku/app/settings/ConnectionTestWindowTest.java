package dev.hikyaku.app.settings;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.gateway.FreePort;
import dev.hikyaku.app.gateway.GatewayState;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.dns.DnsWorld;
import dev.hikyaku.testworld.smtp.SubmissionAccount;
import dev.hikyaku.testworld.smtp.SubmissionBehaviour;
import dev.hikyaku.testworld.smtp.SubmissionServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ConnectionTestWindowTest {
    @TempDir
    static Path folder;

    private static final FixtureCa CA = FixtureCa.create();

    private final DnsWorld dns = DnsWorld.start();
    private SubmissionServer upstream;
    private Path caFile;
    private RunningApp app;

    @Start
    void start(Stage stage) throws IOException {
        Path data = Files.createTempDirectory(folder, "data");
        caFile = data.resolve("fixture-ca.pem");
        Files.writeString(caFile, CA.rootPem(), StandardCharsets.US_ASCII);
        upstream = SubmissionServer.start(SubmissionBehaviour.startTls(CA.server(SubmissionServer.HOSTNAME,
                "127.0.0.1")).withAuthRequired(SubmissionAccount.password("taro", "right-password")));
        Files.writeString(data.resolve("gateway.conf"), "listen.port = " + FreePort.pick() + "\ndns.server = 127.0.0.1:"
                + dns.port() + "\n", StandardCharsets.UTF_8);
        app = RunningApp.start(data, Map.of(), UiLanguage.ENGLISH);
        app.show(stage);
    }

    @AfterEach
    void stop() throws IOException {
        app.close();
        upstream.close();
        dns.close();
    }

    private void fill(FxRobot robot, int port) throws TimeoutException {
        app.await(state -> state instanceof GatewayState.Running);
        robot.interact(() -> robot.lookup("#sections").queryAs(TabPane.class).getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !field(robot, SettingField.UPSTREAM_PORT).getText().isEmpty());
        robot.interact(() -> {
            field(robot, SettingField.UPSTREAM_HOST).setText("127.0.0.1");
            field(robot, SettingField.UPSTREAM_PORT).setText(Integer.toString(port));
            field(robot, SettingField.UPSTREAM_TRUST_CA).setText(caFile.toString());
        });
    }

    private static TextInputControl field(FxRobot robot, SettingField field) {
        return robot.lookup("#" + field.id()).queryAs(TextInputControl.class);
    }

    private static String awaitResult(FxRobot robot) throws TimeoutException {
        Label result = robot.lookup("#" + ConnectionTestPane.RESULT_ID).queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !result.getText().isEmpty()
                && !result.getText().startsWith("Connecting"));
        return result.getText();
    }

    @Test
    void aReachableServerIsReportedWithTlsAuthAndTheLoginTried(FxRobot robot) throws Exception {
        fill(robot, upstream.address().getPort());
        robot.clickOn("#" + ConnectionTestPane.USER_ID).write("taro");
        robot.clickOn("#" + ConnectionTestPane.PASSWORD_ID).write("right-password");
        robot.clickOn("#" + ConnectionTestPane.BUTTON_ID);
        String result = awaitResult(robot);
        assertTrue(result.contains("Reached 127.0.0.1:" + upstream.address().getPort()
                + "; the encrypted connection is set up and the server's certificate is trusted."), result);
        assertTrue(result.contains("It asks for a login (AUTH)"), result);
        assertTrue(result.contains("The user name and password were accepted."), result);
        assertTrue(robot.lookup("#" + ConnectionTestPane.PASSWORD_ID).queryAs(PasswordField.class).getText().isEmpty(),
                "the password served one test and is gone");

        robot.clickOn("#" + ConnectionTestPane.PASSWORD_ID).write("wrong-password");
        robot.clickOn("#" + ConnectionTestPane.BUTTON_ID);
        String refused = awaitResult(robot);
        assertTrue(refused.contains("The server refused the user name or password: 535"), refused);
    }

    @Test
    void anUntrustedCertificateAndAClosedPortAreSaidInPlainWords(FxRobot robot) throws Exception {
        fill(robot, upstream.address().getPort());
        robot.interact(() -> field(robot, SettingField.UPSTREAM_TRUST_CA).setText(""));
        robot.clickOn("#" + ConnectionTestPane.BUTTON_ID);
        String untrusted = awaitResult(robot);
        assertTrue(untrusted.contains("The certificate of the outgoing mail server 127.0.0.1 is not trusted"), untrusted);

        int closed = FreePort.pick();
        robot.interact(() -> field(robot, SettingField.UPSTREAM_PORT).setText(Integer.toString(closed)));
        robot.clickOn("#" + ConnectionTestPane.BUTTON_ID);
        String unreachable = awaitResult(robot);
        assertTrue(unreachable.contains("Cannot connect to the outgoing mail server 127.0.0.1 on port " + closed),
                unreachable);
    }

    @Test
    void aFormTheGatewayWouldRefuseIsNotTestedButShownByItsField(FxRobot robot) throws Exception {
        fill(robot, 99_999);
        robot.clickOn("#" + ConnectionTestPane.BUTTON_ID);
        String result = awaitResult(robot);
        assertTrue(result.startsWith("✖ The test failed: Setting upstream.port"), result);
        String problem = robot.lookup("#" + SettingField.UPSTREAM_PORT.id() + "-problem").queryAs(Label.class).getText();
        assertTrue(problem.contains("\"99999\" is not a port"), problem);
    }
}
