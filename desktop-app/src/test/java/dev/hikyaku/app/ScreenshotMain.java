package dev.hikyaku.app;

import dev.hikyaku.app.gateway.FreePort;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/**
 * Takes the screenshots of {@code desktop-app/screenshots.sh}: starts the real app on a fresh data folder in one
 * language, then saves a PNG of every tab of the main window (and of every page of a tab that has pages), and
 * of every other window that is open (the first-run set-up, page by page). New sections are picked up by
 * themselves; a window that opens only on an event (the pre-send review) is opened in
 * {@link #openOccasionalWindows}.
 *
 * <p>Arguments: the output folder, the language ({@code ja} or {@code en}), the data folder.
 */
public final class ScreenshotMain {
    private static final long TIMEOUT_SECONDS = 60;
    private static final int DEFAULT_PORT = 10587;

    private final Path output;
    private final String language;

    private ScreenshotMain(Path output, String language) {
        this.output = output;
        this.language = language;
    }

    /** Entry point; exits 0 when every screenshot was written. */
    public static void main(String[] args) throws Exception {
        Path output = Path.of(args[0]);
        String language = args[1];
        Path data = Path.of(args[2]);
        Files.createDirectories(output);
        List<String> arguments = new ArrayList<>(List.of("--lang=" + language,
                HikyakuApp.OS_LOCALE_PARAMETER + language, HikyakuApp.DATA_DIRECTORY_PARAMETER + data));
        if (!defaultPortFree()) {
            // The pictures show the usual port when they can; else the app says a command-line port is in force.
            arguments.add("--port=" + FreePort.pick());
        }
        Thread app = new Thread(() -> Application.launch(HikyakuApp.class, arguments.toArray(String[]::new)),
                "screenshot-app");
        app.setDaemon(true);
        app.start();
        List<Path> written = new ScreenshotMain(output, language).run();
        written.forEach(file -> System.out.println("wrote " + file));
        Platform.exit();
        System.exit(0);
    }

    private static boolean defaultPortFree() {
        try (ServerSocket v4 = new ServerSocket(DEFAULT_PORT, 1, InetAddress.getByName("127.0.0.1"));
             ServerSocket v6 = new ServerSocket(DEFAULT_PORT, 1, InetAddress.getByName("::1"))) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private List<Path> run() throws Exception {
        Stage main = await(() -> fx(() -> windows().stream()
                .filter(window -> window.getScene() != null && window.getScene().lookup("#sections") != null)
                .findFirst().map(window -> (Stage) window)));
        // The status tab is worth showing once the gateway runs: its fingerprint line is then filled in.
        await(() -> fx(() -> Optional.ofNullable((Label) main.getScene().lookup("#fingerprint"))
                .filter(label -> !label.getText().isEmpty())));
        List<Path> written = new ArrayList<>();
        TabPane sections = fx(() -> (TabPane) main.getScene().lookup("#sections"));
        createSmimeStore(main, sections);
        for (Tab tab : fx(() -> List.copyOf(sections.getTabs()))) {
            fx(() -> {
                sections.getSelectionModel().select(tab);
                return null;
            });
            settle();
            written.add(snapshot(main.getScene(), tab.getId()));
            Optional<TabPane> pages = fx(() -> innerTabs(tab.getContent()));
            if (pages.isPresent()) {
                // The first page is in the tab's own picture.
                List<Tab> inner = fx(() -> List.copyOf(pages.get().getTabs()));
                for (Tab page : inner.subList(1, inner.size())) {
                    fx(() -> {
                        pages.get().getSelectionModel().select(page);
                        return null;
                    });
                    settle();
                    written.add(snapshot(main.getScene(), tab.getId() + "-" + page.getId()));
                }
                fx(() -> {
                    pages.get().getSelectionModel().selectFirst();
                    return null;
                });
            }
        }
        fx(() -> {
            sections.getSelectionModel().selectFirst();
            return null;
        });
        written.addAll(otherWindows(main));
        written.addAll(openOccasionalWindows(main));
        return written;
    }

    /**
     * Creates the S/MIME key store on the fresh data folder, so that the pictures show the wizard's first step and
     * the certificate list rather than the password prompt.
     */
    private static void createSmimeStore(Stage main, TabPane sections) throws Exception {
        Optional<Tab> smime = fx(() -> sections.getTabs().stream().filter(tab -> "smimeSection".equals(tab.getId())).findFirst());
        if (smime.isEmpty()) {
            return;
        }
        await(() -> fx(() -> Optional.ofNullable(main.getScene().lookup("#smimeVaultOpen"))));
        fx(() -> {
            for (String field : List.of("#smimeVaultPassword", "#smimeVaultRepeat")) {
                ((TextInputControl) main.getScene().lookup(field)).setText("screenshot Store 2026");
            }
            ((Button) main.getScene().lookup("#smimeVaultOpen")).fire();
            return null;
        });
        await(() -> fx(() -> Optional.ofNullable(main.getScene().lookup("#smimeStepTitle"))
                .filter(title -> !((Label) title).getText().isEmpty())));
    }

    /** Every other open window; the first-run set-up is taken page by page. */
    private List<Path> otherWindows(Stage main) throws Exception {
        List<Path> written = new ArrayList<>();
        for (Window window : fx(ScreenshotMain::windows)) {
            if (window == main || window.getScene() == null) {
                continue;
            }
            Parent root = window.getScene().getRoot();
            String name = root.getId() == null ? "window" : root.getId();
            settle();
            written.add(snapshot(window.getScene(), name + "-1"));
            Optional<Button> next = fx(() -> Optional.ofNullable((Button) window.getScene().lookup("#firstRunNext")));
            if (next.isPresent()) {
                fx(() -> {
                    next.get().fire();
                    return null;
                });
                settle();
                written.add(snapshot(window.getScene(), name + "-2"));
            }
        }
        return written;
    }

    /**
     * The hook for windows that open only on an event, such as the pre-send review once a message is held: make
     * the event happen here (e.g. send a message through the sandbox gateway with a guard on) and snapshot the
     * window that opens, as {@link #otherWindows} does. None yet.
     */
    private List<Path> openOccasionalWindows(Stage main) {
        return List.of();
    }

    private static Optional<TabPane> innerTabs(Node content) {
        if (content == null) {
            return Optional.empty();
        }
        return content.lookupAll(".tab-pane").stream().filter(node -> node instanceof TabPane)
                .map(node -> (TabPane) node).findFirst();
    }

    private Path snapshot(Scene scene, String name) throws Exception {
        WritableImage image = fx(() -> scene.snapshot(null));
        BufferedImage png = fx(() -> {
            int width = (int) image.getWidth();
            int height = (int) image.getHeight();
            BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            PixelReader pixels = image.getPixelReader();
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    buffered.setRGB(x, y, pixels.getArgb(x, y));
                }
            }
            return buffered;
        });
        Path file = output.resolve(language + "-" + name + ".png");
        try {
            ImageIO.write(png, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Lets layout, bindings and background loads (the settings file, the passphrase list) finish. */
    private static void settle() throws Exception {
        Thread.sleep(700);
        fx(() -> null);
    }

    private static List<Window> windows() {
        return List.copyOf(Window.getWindows());
    }

    private static <T> T await(Supplier<Optional<T>> probe) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            Optional<T> found = probe.get();
            if (found != null && found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the app did not get there within " + TIMEOUT_SECONDS + " s");
    }

    private static <T> T fx(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            Platform.runLater(() -> {
                try {
                    result.complete(work.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (IllegalStateException toolkitNotUp) {
            return null;
        }
        return result.join();
    }
}
