package dev.hikyaku.app.tray;

import dev.hikyaku.app.gateway.GatewayState;
import dev.hikyaku.app.shell.AppServices;
import java.awt.AWTException;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Puts Hikyaku in the OS tray where the desktop has one: closing the window then only hides it (the gateway keeps
 * taking mail), and the tray's menu opens it, pauses or resumes the gateway, or quits. Without a tray (headless,
 * CI, a desktop without a tray) nothing changes: closing the window quits, as before.
 */
public final class Tray {
    private Tray() {
    }

    /** Starts the tray for {@code stage} in the background; the handle removes it (call it when the app stops). */
    public static AutoCloseable start(Stage stage, AppServices services) {
        AtomicReference<SystemTrayIcon> installed = new AtomicReference<>();
        services.background().execute(() -> {
            if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
                return;
            }
            try {
                SystemTrayIcon icon = SystemTrayIcon.install(
                        () -> services.ui().execute(() -> {
                            stage.show();
                            stage.toFront();
                        }),
                        () -> services.background().execute(() -> {
                            if (services.gateway().state() instanceof GatewayState.Paused) {
                                services.gateway().restart();
                            } else {
                                services.gateway().pause();
                            }
                        }),
                        () -> services.ui().execute(Platform::exit));
                installed.set(icon);
                services.ui().execute(() -> {
                    Platform.setImplicitExit(false);
                    stage.setOnCloseRequest(event -> {
                        event.consume();
                        stage.hide();
                    });
                    new TrayController(services.text(), services.gateway(), services.events(), services.background(),
                            services.ui(), new TrayDecisions(ZoneId.systemDefault()), icon).start();
                });
            } catch (AWTException | UnsupportedOperationException e) {
                // The desktop said it has a tray and then refused the icon: run without one, as on CI.
            }
        });
        return () -> {
            SystemTrayIcon icon = installed.get();
            if (icon != null) {
                icon.close();
            }
        };
    }
}
