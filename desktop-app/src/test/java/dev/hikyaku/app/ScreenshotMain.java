package dev.hikyaku.app;

import dev.hikyaku.app.gateway.FreePort;
import dev.hikyaku.testworld.dns.DnsWorld;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
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
import java.util.Properties;
import java.util.Set;
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
    private final int port;

    private ScreenshotMain(Path output, String language, int port) {
        this.output = output;
        this.language = language;
        this.port = port;
    }

    /** Entry point; exits 0 when every screenshot was written. */
    public static void main(String[] args) throws Exception {
        Path output = Path.of(args[0]);
        String language = args[1];
        Path data = Path.of(args[2]);
        Files.createDirectories(output);
        // Verdicts come from a loopback DNS world (nothing leaves this machine); messages are held so that the
        // pre-send review shows its countdown.
        DnsWorld dns = DnsWorld.start();
        dns.zone("partner.example").add("@ MX 10 mx").add("mx A 127.0.0.1");
        dns.zone("exmaple.co.jp").add("@ MX 0 .");
        Path anchors = Files.writeString(Files.createDirectories(data).resolve("dns-anchors.txt"), dns.trustAnchors());
        List<String> arguments = new ArrayList<>(List.of("--lang=" + language,
                HikyakuApp.OS_LOCALE_PARAMETER + language, HikyakuApp.DATA_DIRECTORY_PARAMETER + data,
                "--dns=127.0.0.1:" + dns.port(), "--dns-anchors=" + anchors, "--hold=5m"));
        int port = DEFAULT_PORT;
        if (!defaultPortFree()) {
            // The pictures show the usual port when they can; else the app says a command-line port is in force.
            port = FreePort.pick();
            arguments.add("--port=" + port);
        }
        Thread app = new Thread(() -> Application.launch(HikyakuApp.class, arguments.toArray(String[]::new)),
                "screenshot-app");
        app.setDaemon(true);
        app.start();
        List<Path> written = new ScreenshotMain(output, language, port).run();
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
     * The windows that open only on an event: the pre-send review, opened by submitting one message to the app's
     * sandbox gateway (held for five minutes; one recipient's domain takes no mail, so its group waits).
     */
    private List<Path> openOccasionalWindows(Stage main) throws Exception {
        Set<Window> before = Set.copyOf(fx(ScreenshotMain::windows));
        submitForReview();
        Window review = await(() -> fx(() -> windows().stream()
                .filter(window -> !before.contains(window) && window.isShowing() && window.getScene() != null)
                .findFirst()));
        // The verdicts and the plan fill in after the window opens.
        settle();
        settle();
        return List.of(snapshot(review.getScene(), "review"));
    }

    private void submitForReview() throws MessagingException, IOException {
        boolean japanese = language.equals("ja");
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(port));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("taro@example.co.jp", japanese ? "山田 太郎" : "Taro Yamada",
                "UTF-8"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("hanako@partner.example"));
        message.setRecipient(MimeMessage.RecipientType.CC, new InternetAddress("jiro@exmaple.co.jp"));
        message.setSubject(japanese ? "お見積りの送付" : "Our quotation", "UTF-8");
        MimeBodyPart body = new MimeBodyPart();
        body.setText(japanese ? "お見積りをお送りします。\r\n" : "Please find our quotation attached.\r\n", "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[48 * 1024], "application/pdf")));
        attachment.setFileName(japanese ? "見積書.pdf" : "quotation.pdf");
        message.setContent(new MimeMultipart(body, attachment));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
        }
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
