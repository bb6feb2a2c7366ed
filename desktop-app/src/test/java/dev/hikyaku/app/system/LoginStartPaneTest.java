package dev.hikyaku.app.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.i18n.BundleChecks;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.UiLanguage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
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
class LoginStartPaneTest {
    @TempDir
    static Path folder;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final StackPane root = new StackPane();
    private final LiveText text = new LiveText(UiLanguage.ENGLISH);

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 600, 200));
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private void show(FxRobot robot, Optional<LoginStart> loginStart) {
        robot.interact(() -> root.getChildren().setAll(
                new LoginStartPane(text, loginStart, background, Platform::runLater).content()));
    }

    @Test
    void aDevelopmentBuildSaysWhereTheChoiceComesFrom(FxRobot robot) {
        show(robot, Optional.empty());
        assertTrue(robot.lookup("#" + LoginStartPane.CHOICE_ID).queryAs(CheckBox.class).isDisabled());
        assertTrue(robot.lookup("#" + LoginStartPane.STATUS_ID).queryAs(Label.class).getText()
                .contains("installed from its package"));
    }

    @Test
    void anEntryAlreadyThereIsShownAndSwitchingOffRemovesIt(FxRobot robot) throws Exception {
        Path home = Files.createTempDirectory(folder, "home");
        LinuxAutostart autostart = new LinuxAutostart(home, Map.of(), Path.of("/opt/hikyaku/bin/Hikyaku"));
        autostart.enable();
        show(robot, Optional.of(autostart));
        CheckBox choice = robot.lookup("#" + LoginStartPane.CHOICE_ID).queryAs(CheckBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !choice.isDisabled());
        assertTrue(choice.isSelected());

        robot.clickOn(choice);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !autostart.isEnabled() && !choice.isDisabled());
        assertFalse(choice.isSelected());
    }

    @Test
    void aFolderThatCannotBeWrittenSaysWhyAndTheBoxStaysTruthful(FxRobot robot) throws Exception {
        Path home = Files.createTempDirectory(folder, "blocked");
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".config/autostart"), "a file where the folder should be");
        show(robot, Optional.of(new LinuxAutostart(home, Map.of(), Path.of("/opt/hikyaku/bin/Hikyaku"))));
        CheckBox choice = robot.lookup("#" + LoginStartPane.CHOICE_ID).queryAs(CheckBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !choice.isDisabled());

        robot.clickOn(choice);
        Label status = robot.lookup("#" + LoginStartPane.STATUS_ID).queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("⚠ "));
        assertTrue(status.getText().contains("cannot be written"), status.getText());
        assertFalse(choice.isSelected(), "the box shows what the OS will do, not what was asked");
    }

    @Test
    void theBundleIsComplete() throws Exception {
        BundleChecks.assertComplete(SystemText.class);
    }
}
