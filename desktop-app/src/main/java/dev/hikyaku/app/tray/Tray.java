package dev.hikyaku.app.tray;

import dev.hikyaku.app.gateway.GatewayState;
import dev.hikyaku.app.shell.AppServices;
import java.awt.AWTException;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Puts Hikyaku in the OS tray where the desktop has one: closing the window then only hides it (the gateway keeps
 * taking mail), and the tray's menu opens it, pauses or resumes the gateway, or quits. Without a tray (headless,
 * CI, a desktop without a tray) nothing changes: closing the window quits, as before. A tray that comes up
 * shortly after the app (the desktop's panel at sign-in, when the app starts with the session) still gets the icon.
 */
public final class Tray {
    /** How long a tray may take to appear after the app starts. */
    private static final Duration WAIT_FOR_TRAY = Duration.ofMinutes(2);
    private static final Duration LOOK_AGAIN = Duration.ofMillis(500);

    private Tray() {
    }

    /** Starts the tray for {@code stage} in the background; the handle removes it (call it when the app stops). */
    public static AutoCloseable start(Stage stage, AppServices services) {
        AtomicReference<SystemTrayIcon> installed = new AtomicReference<>();
        AtomicBoolean closed = new AtomicBoolean();
        services.background().execute(() -> {
            if (GraphicsEnvironment.isHeadless() || !trayAppears(services.clock(), closed)) {
                return;
            }
            try {
                SystemTrayIcon icon = SystemTrayIcon.install(
                        () -> services.ui().execute(() -> {
                            // Shown but minimized is not open: show() alone would leave it in the task bar.
                            stage.setIconified(false);
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
                if (closed.get()) {
                    // The app stopped while the icon went in.
                    icon.close();
                    return;
                }
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
            closed.set(true);
            SystemTrayIcon icon = installed.get();
            if (icon != null) {
                icon.close();
            }
        };
    }

    /** Whether the desktop has a tray now or gets one within {@link #WAIT_FOR_TRAY}; false once the app stops. */
    private static boolean trayAppears(Clock clock, AtomicBoolean closed) {
        Instant giveUp = clock.instant().plus(WAIT_FOR_TRAY);
        while (!closed.get()) {
            if (SystemTray.isSupported()) {
                return true;
            }
            if (clock.instant().isAfter(giveUp)) {
                return false;
            }
            try {
                Thread.sleep(LOOK_AGAIN.toMillis());
            } catch (InterruptedException e) {
                // The app's background threads are interrupted when it stops.
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
