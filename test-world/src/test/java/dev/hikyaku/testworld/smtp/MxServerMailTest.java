package dev.hikyaku.testworld.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.testworld.ca.FixtureCa;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A real Jakarta Mail client delivers to the fixture MX. */
// One CA (and its cached RSA keys) for the whole class; every test still gets fresh certificates.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MxServerMailTest {

    private static final String MX_NAME = "mx.example.test";

    private final FixtureCa ca = FixtureCa.create();

    @Test
    void deliversOverStartTlsAndTheMxRecordsTlsAndSni() throws Exception {
        // The IP name lets Jakarta Mail's identity check pass for 127.0.0.1; SNI carries the MX name.
        try (MxServer mx = MxServer.start(MxBehaviour.startTls(ca.server(MX_NAME, "127.0.0.1")))) {
            Properties properties = clientProperties(mx);
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
            properties.put("mail.smtp.ssl.socketFactory",
                    new SniSocketFactory(ca.clientContext().getSocketFactory(), MX_NAME));

            send(Session.getInstance(properties), "over TLS");

            SmtpSession session = mx.sessions().get(0);
            assertTrue(session.isTls());
            assertEquals(Optional.of(MX_NAME), session.tls().orElseThrow().serverName());
            assertEquals("TLSv1.3", session.tls().orElseThrow().protocol());
            assertEquals(Optional.of("client.example.test"), session.ehloName());
            ReceivedMessage message = mx.messages().get(0);
            assertTrue(message.overTls());
            assertEquals("alice@example.test", message.envelopeFrom());
            assertEquals(List.of("bob@example.test"), message.recipients());
            assertTrue(message.text().contains("Subject: over TLS\r\n"));
        }
    }

    @Test
    void plainMxReceivesWithoutTlsAndUnstuffsDots() throws Exception {
        try (MxServer mx = MxServer.start(MxBehaviour.plain())) {
            send(Session.getInstance(clientProperties(mx)), "in the clear");

            SmtpSession session = mx.sessions().get(0);
            assertFalse(session.isTls());
            ReceivedMessage message = session.messages().get(0);
            assertFalse(message.overTls());
            assertTrue(message.text().contains("\r\n.leading dot\r\n"), message.text());
        }
    }

    @Test
    void startTlsRequiredFailsAgainstThePlainMx() throws Exception {
        try (MxServer mx = MxServer.start(MxBehaviour.plain())) {
            Properties properties = clientProperties(mx);
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");

            assertThrows(MessagingException.class, () -> send(Session.getInstance(properties), "refused"));
            assertTrue(mx.messages().isEmpty());
        }
    }

    private static Properties clientProperties(MxServer mx) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", mx.address().getAddress().getHostAddress());
        properties.put("mail.smtp.port", Integer.toString(mx.address().getPort()));
        properties.put("mail.smtp.localhost", "client.example.test");
        properties.put("mail.smtp.connectiontimeout", Integer.toString(SmtpTestClient.TIMEOUT_MILLIS));
        properties.put("mail.smtp.timeout", Integer.toString(SmtpTestClient.TIMEOUT_MILLIS));
        return properties;
    }

    private static void send(Session session, String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("alice@example.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@example.test"));
        message.setSubject(subject);
        message.setText("hello\n.leading dot\nbye\n", "UTF-8");
        Transport.send(message);
    }
}
