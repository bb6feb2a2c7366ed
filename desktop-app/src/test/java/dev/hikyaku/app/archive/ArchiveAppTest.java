package dev.hikyaku.app.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hikyaku.app.HikyakuApp;
import dev.hikyaku.app.gateway.FreePort;
import dev.hikyaku.gateway.archive.ArchiveEntry;
import dev.hikyaku.testworld.dns.DnsWorld;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real app: mail submitted to its in-process gateway is found in its archive section by a typed word. */
class ArchiveAppTest {
    @TempDir
    Path data;

    // The gateway looks verdicts up as soon as mail is accepted: on this loopback DNS server, never the system's.
    private final DnsWorld dns = DnsWorld.start();
    private Application app;

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        dns.close();
    }

    @Test
    void mailSentThroughTheAppsGatewayIsFoundInTheArchiveByAWordOfItsSubject() throws Exception {
        int port = FreePort.pick();
        Files.writeString(data.resolve("gateway.conf"), "listen.port = " + port + "\ndns.server = 127.0.0.1:"
                + dns.port() + "\n", StandardCharsets.UTF_8);
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(HikyakuApp.class, "--lang=en", "--data-dir=" + data);
        FxRobot robot = new FxRobot();
        robot.clickOn("Archive");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#" + ArchiveView.STATUS_ID)
                .queryAs(Label.class).getText().equals("No messages found."));

        send(port, "月次報告 for June");
        robot.clickOn("#" + ArchiveView.SEARCH_ID).write("月次");
        // Gateway events search again as the message moves on: wait for a search that has settled.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> subjects(robot).equals(List.of("月次報告 for June"))
                && robot.lookup("#" + ArchiveView.STATUS_ID).queryAs(Label.class).getText().equals("1 message."));
        assertEquals("月次", robot.lookup("#" + ArchiveView.SEARCH_ID).queryAs(TextField.class).getText());
    }

    private static List<String> subjects(FxRobot robot) {
        TableView<ArchiveEntry> table = robot.lookup("#" + ArchiveView.RESULTS_ID).query();
        return List.copyOf(table.getItems()).stream().map(ArchiveEntry::subject).toList();
    }

    private static void send(int port, String subject) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(port));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("taro@example.jp"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("hanako@example.test"));
        message.setSubject(subject, "UTF-8");
        message.setText("hello", "UTF-8");
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
        }
    }
}
