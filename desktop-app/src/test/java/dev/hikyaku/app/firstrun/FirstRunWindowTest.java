package dev.hikyaku.app.firstrun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.clients.ClientsPlace;
import dev.hikyaku.app.clients.ClientsText;
import dev.hikyaku.app.clients.MailClientPages;
import dev.hikyaku.app.clients.outlook.OutlookGuideView;
import dev.hikyaku.app.clients.thunderbird.DesktopOs;
import dev.hikyaku.app.clients.thunderbird.FixtureProfile;
import dev.hikyaku.app.clients.thunderbird.ThunderbirdProfile;
import dev.hikyaku.app.clients.thunderbird.ThunderbirdSetupView;
import dev.hikyaku.app.gateway.FreePort;
import dev.hikyaku.app.gateway.GatewayState;
import dev.hikyaku.app.i18n.BundleChecks;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.app.settings.RunningApp;
import dev.hikyaku.app.system.LinuxAutostart;
import dev.hikyaku.app.system.LoginStartPane;
import dev.hikyaku.testworld.dns.DnsWorld;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FirstRunWindowTest {
    @TempDir
    static Path folder;

    private final DnsWorld dns = DnsWorld.start();
    private Path data;
    private int port;
    private RunningApp app;
    private Optional<Stage> window;
    private ThunderbirdProfile profile;
    private LinuxAutostart loginStart;

    @Start
    void start(Stage stage) throws Exception {
        data = Files.createTempDirectory(folder, "data");
        port = FreePort.pick();
        // No gateway.conf: that is what a first run is. The test's settings come as overrides instead.
        app = RunningApp.start(data, Map.of("listen.port", Integer.toString(port), "dns.server", "127.0.0.1:" + dns.port()),
                UiLanguage.JAPANESE);
        app.show(stage);
        Path home = Files.createTempDirectory(folder, "home");
        profile = FixtureProfile.copyTo(home);
        loginStart = new LinuxAutostart(home, Map.of(), home.resolve("opt/hikyaku/bin/Hikyaku"));
        window = FirstRun.showIfNeeded(stage, app.services(), new ClientsPlace(DesktopOs.LINUX, home, Map.of()),
                Optional.of(loginStart));
    }

    @AfterEach
    void stop() throws Exception {
        // A window left open would answer the next test's look-ups and take its clicks.
        FxToolkit.setupFixture(() -> window.ifPresent(Stage::close));
        app.close();
        dns.close();
    }

    private static Label label(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class);
    }

    @Test
    void withoutAConfigurationTheSetUpOpensOnTheSandboxAndFinishingWritesTheFile(FxRobot robot) throws Exception {
        assertTrue(window.isPresent(), "no gateway.conf: the set-up opens");
        assertEquals("Hikyaku の設定", window.get().getTitle());
        assertTrue(robot.lookup("#" + FirstRunWindow.SANDBOX_ID).queryAs(javafx.scene.control.RadioButton.class)
                .isSelected(), "the sandbox is the default");
        robot.clickOn("#" + FirstRunWindow.NEXT_ID);

        app.await(state -> state instanceof GatewayState.Running);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> label(robot, FirstRunWindow.ADDRESS_ID).getText().contains("127.0.0.1:" + port));
        assertTrue(label(robot, FirstRunWindow.ADDRESS_ID).getText().contains("STARTTLS"));
        String fingerprint = ((GatewayState.Running) app.runner().state()).fingerprint();
        assertTrue(label(robot, FirstRunWindow.FINGERPRINT_ID).getText().contains(fingerprint));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#" + MailClientPages.PAGES_ID).tryQuery().isPresent());
        assertTrue(label(robot, "mailClientThunderbirdByHand").getText().contains("ポート番号 " + port));

        // The main window's settings hold the same choice; this is the set-up's.
        Parent setUp = window.get().getScene().getRoot();
        CheckBox start = robot.from(setUp).lookup("#" + LoginStartPane.CHOICE_ID).queryAs(CheckBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !start.isDisabled());
        assertFalse(start.isSelected());
        robot.clickOn(start);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> loginStart.isEnabled() && !start.isDisabled());
        assertTrue(robot.from(setUp).lookup("#" + LoginStartPane.STATUS_ID).queryAs(Label.class).getText()
                .contains(loginStart.location()));

        robot.clickOn("#" + FirstRunWindow.FINISH_ID);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.get().isShowing());
        assertTrue(Files.isRegularFile(data.resolve("gateway.conf")), "written even for the sandbox");
        assertTrue(loginStart.isEnabled(), "Hikyaku starts at the next sign-in");
        assertFalse(FirstRun.needed(data), "so it does not show again");
        assertFalse(Files.readString(data.resolve("gateway.conf"), StandardCharsets.UTF_8).contains("upstream.host"));
    }

    @Test
    void theSecondPagePointsThunderbirdAtTheGatewayAndUndoesItAndShowsOutlooksGuide(FxRobot robot) throws Exception {
        byte[] before = Files.readAllBytes(profile.prefsJs());
        robot.clickOn("#" + FirstRunWindow.NEXT_ID);
        app.await(state -> state instanceof GatewayState.Running);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#" + ThunderbirdSetupView.APPLY_ID).tryQuery().map(node -> !node.isDisabled())
                        .orElse(false));
        assertTrue(label(robot, ThunderbirdSetupView.PLAN_ID).getText().contains("127.0.0.1:" + port),
                label(robot, ThunderbirdSetupView.PLAN_ID).getText());

        robot.clickOn("#" + ThunderbirdSetupView.APPLY_ID);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#" + ThunderbirdSetupView.UNDO_ID).queryAs(Button.class).isDisabled());
        String prefs = Files.readString(profile.prefsJs(), StandardCharsets.UTF_8);
        assertTrue(prefs.contains("\"mail.smtpserver.smtp1.hostname\", \"127.0.0.1\"")
                && prefs.contains("\"mail.smtpserver.smtp1.port\", " + port), "the account sends through the gateway");

        robot.clickOn("#" + ThunderbirdSetupView.UNDO_ID);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#" + ThunderbirdSetupView.APPLY_ID).queryAs(Button.class).isDisabled());
        assertArrayEquals(before, Files.readAllBytes(profile.prefsJs()), "undone byte for byte");

        TabPane pages = robot.lookup("#" + MailClientPages.PAGES_ID).queryAs(TabPane.class);
        robot.interact(() -> pages.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#" + OutlookGuideView.PAGE_ID).tryQuery().map(node -> node.isVisible()).orElse(false));
        assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(line -> line.getText().contains("Microsoft 365") && line.isVisible()),
                "the guide says which Outlook accounts a local proxy cannot reach");
    }

    @Test
    void anEnteredServerIsCheckedAsTheGatewayWouldAndThenUsed(FxRobot robot) throws Exception {
        robot.clickOn("#" + FirstRunWindow.UPSTREAM_ID);
        robot.clickOn("#" + FirstRunWindow.HOST_ID).write("127.0.0.1");
        TextField portField = robot.lookup("#" + FirstRunWindow.PORT_ID).queryAs(TextField.class);
        robot.interact(() -> portField.setText("port"));
        robot.clickOn("#" + FirstRunWindow.NEXT_ID);
        String problem = label(robot, FirstRunWindow.PROBLEM_ID).getText();
        assertTrue(problem.startsWith("⚠ 問題: ") && problem.contains("upstream.port"), problem);
        assertTrue(robot.lookup("#" + FirstRunWindow.HOST_ID).tryQuery().map(node -> node.isVisible()).orElse(false),
                "still on the first page");

        robot.interact(() -> portField.setText("2525"));
        robot.clickOn("#" + FirstRunWindow.NEXT_ID);
        robot.clickOn("#" + FirstRunWindow.FINISH_ID);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.get().isShowing());
        String written = Files.readString(data.resolve("gateway.conf"), StandardCharsets.UTF_8);
        assertTrue(written.contains("upstream.host = 127.0.0.1\n") && written.contains("upstream.port = 2525\n"), written);
        GatewayState.Planned restarted = assertInstanceOf(GatewayState.Planned.class,
                app.await(state -> state instanceof GatewayState.Planned planned && planned.plan().upstream().isPresent()));
        assertEquals("127.0.0.1:2525", restarted.plan().upstream().orElseThrow());
    }

    @Test
    void laterClosesWithoutWritingSoTheSetUpComesBack(FxRobot robot) throws Exception {
        robot.clickOn("#" + FirstRunWindow.LATER_ID);
        assertFalse(window.get().isShowing());
        assertTrue(FirstRun.needed(data));
    }

    @Test
    void theFirstRunAndMailClientBundlesAreComplete() throws IOException {
        BundleChecks.assertComplete(FirstRunText.class);
        BundleChecks.assertComplete(ClientsText.class);
    }
}
