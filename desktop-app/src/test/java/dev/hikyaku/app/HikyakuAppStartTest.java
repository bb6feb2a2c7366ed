package dev.hikyaku.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.gateway.FreePort;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class HikyakuAppStartTest {
    @TempDir
    Path data;

    private Application app;

    @AfterEach
    void closeApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void theRealAppStartsTheGatewayAndShowsWhereItListensInTheOsLanguage() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(HikyakuApp.class, HikyakuApp.OS_LOCALE_PARAMETER + "ja-JP",
                HikyakuApp.DATA_DIRECTORY_PARAMETER + data, "--port=" + FreePort.pick());

        assertEquals("Hikyaku 飛脚", stage.getTitle());
        FxRobot robot = new FxRobot();
        assertEquals("状態", label(robot, "statusHeading").getText());
        awaitLabel(robot, "gateway", "待ち受けています");
        String address = label(robot, "submissionAddress").getText();
        assertTrue(address.startsWith("127.0.0.1:"), address);
        assertTrue(label(robot, "fingerprint").getText().contains("SHA-256"));
        int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
        assertTrue(greeting(port).startsWith("220 "), "the in-process gateway answers SMTP");
        assertTrue(Files.exists(data.resolve("queue.db")), "the gateway keeps its queue in the given data folder");

        FxToolkit.cleanupApplication(app);
        app = null;
        assertTrue(refused(port), "quitting the app stops the gateway");
    }

    private static Label label(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class);
    }

    private static void awaitLabel(FxRobot robot, String id, String part) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> label(robot, id).getText().contains(part));
    }

    private static String greeting(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port);
             BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                     StandardCharsets.US_ASCII))) {
            return reader.readLine();
        }
    }

    private static boolean refused(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
