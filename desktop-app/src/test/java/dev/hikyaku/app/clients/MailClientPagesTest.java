package dev.hikyaku.app.clients;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.clients.thunderbird.DesktopOs;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.gateway.tls.LocalhostCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
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
class MailClientPagesTest {
    @TempDir
    static Path folder;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final StackPane root = new StackPane();
    private Path data;
    private MailClientPages windowsWithoutAppData;

    @Start
    void start(Stage stage) throws Exception {
        data = Files.createTempDirectory(folder, "data");
        windowsWithoutAppData = new MailClientPages(new LiveText(UiLanguage.ENGLISH),
                new ClientsPlace(DesktopOs.WINDOWS, folder, Map.of()), data, Clock.systemUTC(), background,
                Platform::runLater);
        stage.setScene(new Scene(root, 800, 600));
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void beforeTheGatewayMadeItsCertificateThePagesSayWhatToDo(FxRobot robot) {
        robot.interact(() -> root.getChildren().setAll(windowsWithoutAppData.forPort(10587)));
        String shown = robot.lookup("#" + MailClientPages.WAITING_ID).queryAs(Label.class).getText();
        assertTrue(shown.contains("not there yet") && shown.contains("Start Hikyaku"), shown);
    }

    @Test
    void withoutThunderbirdsFolderThePageSaysWhyAndStillGivesTheStepsByHand(FxRobot robot) throws Exception {
        LocalhostCertificate.loadOrCreate(data.resolve("tls"), Clock.systemUTC());
        robot.interact(() -> root.getChildren().setAll(windowsWithoutAppData.forPort(10587)));
        WaitForAsyncUtils.waitForFxEvents();
        String problem = robot.lookup("#" + MailClientPages.PROBLEM_ID).queryAs(Label.class).getText();
        assertTrue(problem.startsWith("⚠ ") && problem.contains("APPDATA"), problem);
        String byHand = robot.lookup("#" + MailClientPages.BY_HAND_ID).queryAs(Label.class).getText();
        assertTrue(byHand.contains("Port 10587") && byHand.contains(
                LocalSubmission.read(data, 10587).sha256Fingerprint()), byHand);
    }
}
