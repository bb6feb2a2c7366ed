package dev.hikyaku.app.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.gateway.FreePort;
import dev.hikyaku.testworld.dns.DnsWorld;
import dev.hikyaku.testworld.reference.RequiredTool;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real AWT tray icon of the real app (a child JVM) in a real system tray: Xvfb with trayer. Runs wherever both
 * are installed and always on CI; elsewhere it is skipped, saying what is missing.
 */
class SystemTrayIconTest {
    /** Where the screenshots go, to look at by hand; not part of the assertions. */
    private static final Path SCREENSHOTS = Path.of("target", "tray-screenshots");

    @TempDir
    Path temp;

    private DnsWorld dns;
    private VirtualDisplay display;
    private int port;

    @BeforeEach
    void startDisplay() throws IOException, InterruptedException {
        VirtualDisplay.missing().ifPresent(missing -> RequiredTool.require(false, "no X tray to test on: " + missing));
        Files.createDirectories(SCREENSHOTS);
        display = VirtualDisplay.start(temp.resolve("x.log"));
        // Verdict look-ups for the submitted mail go to this loopback DNS server, never the system's.
        dns = DnsWorld.start();
        port = FreePort.pick();
    }

    @AfterEach
    void stopDisplay() throws IOException, InterruptedException {
        if (dns != null) {
            dns.close();
        }
        if (display != null) {
            display.close();
        }
    }

    /** The sandbox gateway, holding every message for an hour; refused.example is refused by policy. */
    private Path dataFolder() throws IOException {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("gateway.conf"), String.join("\n",
                "listen.port = " + port,
                "listen.bind = 127.0.0.1",
                "dns.server = 127.0.0.1:" + dns.port(),
                "guard.hold = yes",
                "guard.hold.delay = 1h",
                "packaging.domains = example.com: as-is, refused.example: refuse",
                ""), StandardCharsets.UTF_8);
        return data;
    }

    private TrayAppProcess startApp(String language) throws IOException {
        return TrayAppProcess.start(display.display(), dataFolder(), Files.createDirectories(temp.resolve("home")),
                language);
    }

    @Test
    void theTrayShowsStatusAndHeldMailSpeaksUpPausesResumesOpensAndQuits() throws Exception {
        String address = "127.0.0.1:" + port;
        display.startTray();
        try (TrayAppProcess app = startApp("en")) {
            app.await("icons", "1"::equals);
            app.await("tooltip", ("Hikyaku: running on " + address + "; no mail held")::equals);
            assertEquals("running on " + address + " (disabled)|No mail held (disabled)|-|Open Hikyaku"
                    + "|Pause the gateway|-|Quit Hikyaku", app.ask("menu"));

            send("hanako@example.com", "held for an hour");
            app.await("tooltip", ("Hikyaku: running on " + address + "; 1 message held")::equals);
            assertTrue(app.ask("menu").contains("|1 message held (disabled)|"), app.ask("menu"));
            String held = app.await("note", note -> !note.equals("none"));
            assertTrue(held.startsWith("Mail held / A message waits until "), held);
            assertTrue(held.endsWith(". You can send it now or cancel it in Hikyaku."), held);
            app.ask("shot " + SCREENSHOTS.resolve("held-en.png").toAbsolutePath());
            assertEquals("dismissed 1", app.ask("dismiss"));

            send("jiro@refused.example", "refused by policy");
            String failed = app.await("note", note -> note.startsWith("Delivery failed"));
            assertTrue(failed.startsWith("Delivery failed / 1 recipient could not be reached: "), failed);
            assertTrue(failed.endsWith("Not sent to refused.example: your packaging policy refuses mail over this route"
                    + " (route unknown)."), failed);
            app.ask("shot " + SCREENSHOTS.resolve("failed-en.png").toAbsolutePath());

            // Closing the window only hides it while the tray is there; the tray's Open brings it back.
            app.await("windows", window -> window.endsWith("(showing)"));
            assertEquals("close requested", app.ask("close-window"));
            app.await("windows", window -> window.endsWith("(hidden)"));
            assertFalse(refused(port), "the gateway keeps taking mail with the window closed");
            assertEquals("clicked", app.ask("click Open Hikyaku"));
            app.await("windows", window -> window.endsWith("(showing)"));

            assertEquals("clicked", app.ask("click Pause the gateway"));
            app.await("tooltip", "Hikyaku: paused; 1 message held"::equals);
            assertTrue(refused(port), "nothing listens while paused");
            assertTrue(app.ask("menu").contains("|Resume the gateway|"), app.ask("menu"));

            assertEquals("clicked", app.ask("click Resume the gateway"));
            app.await("tooltip", ("Hikyaku: running on " + address + "; 1 message held")::equals);
            assertFalse(refused(port), "the gateway listens again");

            assertEquals("clicked", app.ask("click Quit Hikyaku"));
            assertEquals(0, app.awaitExit(), app.log());
            assertEquals(List.of("launcher-returned"), app.pending(), "the app ended by quitting");
        }
    }

    @Test
    void inJapaneseTheTrayAndItsNotificationsAreJapaneseAndADoubleClickReopensTheWindow() throws Exception {
        String address = "127.0.0.1:" + port;
        display.startTray();
        try (TrayAppProcess app = startApp("ja")) {
            app.await("icons", "1"::equals);
            app.await("tooltip", ("Hikyaku: " + address + " で動作中、保留中のメール 0 通")::equals);
            assertEquals(address + " で動作中 (disabled)|保留中のメール: 0 通 (disabled)|-|Hikyaku を開く"
                    + "|ゲートウェイを一時停止|-|Hikyaku を終了", app.ask("menu"));

            send("hanako@example.com", "保留");
            app.await("tooltip", ("Hikyaku: " + address + " で動作中、保留中のメール 1 通")::equals);
            String held = app.await("note", note -> !note.equals("none"));
            assertTrue(held.startsWith("メールを保留しています / "), held);
            assertTrue(held.endsWith(" まで送信を待っているメールがあります。Hikyaku で今すぐ送るか取り消せます。"), held);

            // A double click on the icon, with the real pointer, brings the closed window back.
            assertEquals("close requested", app.ask("close-window"));
            app.await("windows", window -> window.endsWith("(hidden)"));
            app.ask("shot " + SCREENSHOTS.resolve("tray-ja.png").toAbsolutePath());
            assertTrue(app.ask("double-click-icon").startsWith("clicked at "));
            app.await("windows", window -> window.endsWith("(showing)"));

            assertEquals("clicked", app.ask("click Hikyaku を終了"));
            assertEquals(0, app.awaitExit(), app.log());
            assertEquals(List.of("launcher-returned"), app.pending(), "the app ended by quitting");
        }
    }

    @Test
    void aTrayThatComesUpAfterTheAppStillGetsTheIcon() throws Exception {
        try (TrayAppProcess app = startApp("en")) {
            app.await("windows", window -> window.endsWith("(showing)"));
            awaitListening();
            assertEquals("no tray", app.ask("icons"));

            // As a desktop's panel that starts after the app at sign-in.
            display.startTray();
            app.await("icons", "1"::equals);
            app.await("tooltip", ("Hikyaku: running on 127.0.0.1:" + port + "; no mail held")::equals);
            assertEquals("close requested", app.ask("close-window"));
            app.await("windows", window -> window.endsWith("(hidden)"));
            assertFalse(refused(port), "with the tray there, closing the window no longer quits");
            assertEquals("clicked", app.ask("click Quit Hikyaku"));
            assertEquals(0, app.awaitExit(), app.log());
        }
    }

    private void awaitListening() throws InterruptedException {
        for (int i = 0; i < 300 && refused(port); i++) {
            Thread.sleep(100);
        }
        assertFalse(refused(port), "the gateway did not start listening");
    }

    private void send(String recipient, String subject) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(port));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("taro@example.jp"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient));
        message.setSubject(subject);
        message.setText("hello");
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
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
