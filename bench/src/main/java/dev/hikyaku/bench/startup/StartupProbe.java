package dev.hikyaku.bench.startup;

import dev.hikyaku.app.Launcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * The child process of the start-up bench: starts the real app (through its main class, as a user does) or the
 * hello-world reference, and prints {@link #READY} once the main window is shown and answers on the FX thread
 * and, for the app, the in-process gateway greets on its SMTP port. Nothing in the app is changed for this: the
 * probe watches from a thread of its own.
 *
 * <p>Arguments: {@code hikyaku DATA_DIR PORT} or {@code hello}.
 */
public final class StartupProbe {
    /** The line the bench waits for. */
    static final String READY = "startup-probe: ready";
    /** The node id of the app's main window root (ShellView's tab pane); the reference uses it too. */
    static final String MAIN_WINDOW_ID = "sections";
    private static final long TIMEOUT_MILLIS = 120_000;

    private StartupProbe() {
    }

    /** Entry point of the child JVM. */
    public static void main(String[] args) throws Exception {
        boolean hikyaku = args[0].equals("hikyaku");
        Thread watcher = new Thread(() -> watch(hikyaku ? Integer.parseInt(args[2]) : 0), "startup-probe");
        watcher.setDaemon(true);
        watcher.start();
        if (hikyaku) {
            Launcher.main(new String[] {"--data-dir=" + args[1], "--port=" + args[2], "--lang=en"});
        } else {
            Application.launch(HelloWindow.class);
        }
    }

    private static void watch(int smtpPort) {
        try {
            long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
            while (!mainWindowAnswers()) {
                pause(deadline);
            }
            while (smtpPort != 0 && !greets(smtpPort)) {
                pause(deadline);
            }
            System.out.println(READY);
            System.out.flush();
        } catch (InterruptedException | TimeoutException e) {
            System.out.println("startup-probe: gave up: " + e);
            System.exit(3);
        }
    }

    /** Whether the main window shows and the FX thread runs a task handed to it (it is not busy starting). */
    private static boolean mainWindowAnswers() throws InterruptedException {
        CompletableFuture<Boolean> shown = new CompletableFuture<>();
        try {
            Platform.runLater(() -> shown.complete(Window.getWindows().stream().anyMatch(window -> window.isShowing()
                    && window.getScene() != null && window.getScene().lookup("#" + MAIN_WINDOW_ID) != null)));
        } catch (IllegalStateException toolkitNotStarted) {
            return false;
        }
        try {
            return shown.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Whether the gateway answers SMTP with its 220 greeting on 127.0.0.1. */
    private static boolean greets(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            socket.setSoTimeout(5000);
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String greeting = reader.readLine();
            return greeting != null && greeting.startsWith("220");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void pause(long deadline) throws InterruptedException, TimeoutException {
        if (System.currentTimeMillis() > deadline) {
            throw new TimeoutException("not ready within " + TIMEOUT_MILLIS + " ms");
        }
        Thread.sleep(10);
    }
}
