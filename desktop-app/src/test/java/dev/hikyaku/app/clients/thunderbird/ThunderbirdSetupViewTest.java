package dev.hikyaku.app.clients.thunderbird;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.clients.LocalSubmission;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.gateway.tls.LocalhostCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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
class ThunderbirdSetupViewTest {
    @TempDir
    static Path home;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private ThunderbirdProfile profile;
    private ThunderbirdSetupModel model;
    private LiveText text;

    @Start
    void start(Stage stage) throws Exception {
        Path here = Files.createTempDirectory(home, "case");
        profile = FixtureProfile.copyTo(here);
        Path data = here.resolve("data");
        LocalhostCertificate.loadOrCreate(data.resolve("tls"), Clock.systemUTC());
        text = new LiveText(UiLanguage.ENGLISH);
        model = new ThunderbirdSetupModel(text, new ThunderbirdRoot(here.resolve(".thunderbird")),
                new ThunderbirdSetup(Clock.systemUTC()), LocalSubmission.read(data, 10587), background,
                Platform::runLater);
        stage.setScene(new Scene((javafx.scene.Parent) new ThunderbirdSetupView(text, model).node(), 800, 500));
        stage.show();
        model.load();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void pointsTheChosenAccountAtHikyakuAndUndoesIt(FxRobot robot) throws Exception {
        byte[] before = Files.readAllBytes(profile.prefsJs());
        await(() -> model.canApplyProperty().get());
        assertEquals("account2", model.accountProperty().get().id(), "the first account that sends is chosen");
        assertEquals("Outgoing server \"会社\": smtp.example.co.jp:587 becomes 127.0.0.1:10587 (STARTTLS, the same"
                + " user name).", label(robot, ThunderbirdSetupView.PLAN_ID).getText());

        robot.clickOn("#" + ThunderbirdSetupView.APPLY_ID);
        await(() -> model.canUndoProperty().get());

        assertTrue(label(robot, ThunderbirdSetupView.STATUS_ID).getText().startsWith(
                "Done: Thunderbird now sends this account's mail through Hikyaku at 127.0.0.1:10587."));
        assertEquals("smtp.example.co.jp", model.appliedProperty().get().orElseThrow().previous().hostname());
        assertTrue(button(robot, ThunderbirdSetupView.APPLY_ID).isDisabled());
        assertTrue(Files.readString(profile.prefsJs()).contains("\"mail.smtpserver.smtp1.hostname\", \"127.0.0.1\""));

        robot.interact(() -> text.languageProperty().set(UiLanguage.JAPANESE));
        assertTrue(label(robot, ThunderbirdSetupView.STATUS_ID).getText().startsWith("完了しました。"));

        robot.clickOn("#" + ThunderbirdSetupView.UNDO_ID);
        await(() -> model.canApplyProperty().get());

        assertEquals("Thunderbird の設定を変更前とまったく同じ状態に戻しました。",
                label(robot, ThunderbirdSetupView.STATUS_ID).getText());
        assertArrayEquals(before, Files.readAllBytes(profile.prefsJs()));
    }

    @Test
    void anAccountThatCannotWorkThroughTheGatewaySaysWhyAndCannotBeApplied(FxRobot robot) {
        await(() -> model.canApplyProperty().get());
        ThunderbirdAccount gmail = model.accounts().get(1);

        robot.interact(() -> model.accountProperty().set(gmail));
        await(() -> !model.busyProperty().get() && !model.canApplyProperty().get());

        assertTrue(label(robot, ThunderbirdSetupView.STATUS_ID).getText().contains("OAuth2"));
        assertTrue(button(robot, ThunderbirdSetupView.APPLY_ID).isDisabled());
        @SuppressWarnings("unchecked")
        ComboBox<ThunderbirdAccount> accounts = robot.lookup("#" + ThunderbirdSetupView.ACCOUNT_ID)
                .queryAs(ComboBox.class);
        assertEquals(4, accounts.getItems().size());
        assertFalse(model.canUndoProperty().get());
    }

    private static void await(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the page did not get there", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Label label(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class);
    }

    private static Button button(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Button.class);
    }
}
