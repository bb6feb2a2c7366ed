package dev.hikyaku.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

class HikyakuAppStartTest {
    private Application app;

    @AfterEach
    void closeApp() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void theRealAppOpensItsWindowInTheOsLanguage() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(HikyakuApp.class, HikyakuApp.OS_LOCALE_PARAMETER + "ja-JP");

        assertEquals("Hikyaku 飛脚", stage.getTitle());
        FxRobot robot = new FxRobot();
        assertEquals("状態", robot.lookup("#statusHeading").queryAs(Label.class).getText());
        assertEquals("127.0.0.1:10587", robot.lookup("#submissionAddress").queryAs(Label.class).getText());
    }
}
