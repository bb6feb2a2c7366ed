package dev.hikyaku.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.clients.ClientsSection;
import dev.hikyaku.app.firstrun.FirstRunWindow;
import dev.hikyaku.app.gateway.FreePort;
import dev.hikyaku.app.settings.SettingsSection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.control.TabPane;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

class HikyakuAppFirstRunTest {
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

    private List<String> windowRoots() throws Exception {
        return FxToolkit.setupFixture(() -> Window.getWindows().stream().filter(Window::isShowing)
                .map(window -> String.valueOf(window.getScene().getRoot().getId())).toList());
    }

    @Test
    void theRealAppOffersTheSetUpOnlyWhileThereIsNoGatewayConf() throws Exception {
        FxToolkit.registerPrimaryStage();
        // No mail is sent, so the gateway resolves nothing; the second start also names a loopback DNS server.
        app = FxToolkit.setupApplication(HikyakuApp.class, HikyakuApp.OS_LOCALE_PARAMETER + "en",
                HikyakuApp.DATA_DIRECTORY_PARAMETER + data, "--port=" + FreePort.pick());
        assertTrue(windowRoots().contains(FirstRunWindow.ROOT_ID), windowRoots().toString());
        TabPane sections = FxToolkit.setupFixture(() -> (TabPane) Window.getWindows().stream()
                .map(window -> window.getScene().lookup("#sections")).filter(node -> node != null).findFirst()
                .orElseThrow());
        assertTrue(sections.getTabs().stream().anyMatch(tab -> SettingsSection.SECTION_ID.equals(tab.getId())),
                "the settings tab is there");
        assertTrue(sections.getTabs().stream().anyMatch(tab -> ClientsSection.SECTION_ID.equals(tab.getId())),
                "the mail-program tab is there, to set up another account or undo the first run's change");
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();

        Files.writeString(data.resolve("gateway.conf"), "dns.server = 127.0.0.1:9\n", StandardCharsets.UTF_8);
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(HikyakuApp.class, HikyakuApp.OS_LOCALE_PARAMETER + "en",
                HikyakuApp.DATA_DIRECTORY_PARAMETER + data, "--port=" + FreePort.pick());
        assertTrue(!windowRoots().contains(FirstRunWindow.ROOT_ID), windowRoots().toString());
    }
}
