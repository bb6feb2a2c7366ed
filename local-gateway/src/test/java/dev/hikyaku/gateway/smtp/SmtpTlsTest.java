package dev.hikyaku.gateway.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.gateway.auth.AuthMechanism;
import dev.hikyaku.gateway.auth.Credentials;
import dev.hikyaku.testworld.ca.FixtureCa;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TLS with a real client (Jakarta Mail over STARTTLS and implicit TLS) and the rules around the handshake. */
class SmtpTlsTest {
    private static final String PASSWORD = "correct horse battery staple";

    private final SpoolingHandler handler = new SpoolingHandler().requireAuth(true);
    private SubmissionServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = TestServers.withTls(handler, SmtpLimits.defaults(), TlsFixture.serverContext());
    }

    @AfterEach
    void stopServer() {
        server.close();
        assertEquals(List.of(), handler.problems());
    }

    @Test
    void jakartaMailSendsOverStartTlsWithPlain() throws Exception {
        send("smtp", server.plainAddresses().get(0), "PLAIN");
        assertDelivered(AuthMechanism.PLAIN);
    }

    @Test
    void jakartaMailSendsOverStartTlsWithLogin() throws Exception {
        send("smtp", server.plainAddresses().get(0), "LOGIN");
        assertDelivered(AuthMechanism.LOGIN);
    }

    @Test
    void jakartaMailSendsOverImplicitTlsWithPlain() throws Exception {
        send("smtps", server.implicitTlsAddresses().get(0), "PLAIN");
        assertDelivered(AuthMechanism.PLAIN);
    }

    @Test
    void jakartaMailSendsOverImplicitTlsWithLogin() throws Exception {
        send("smtps", server.implicitTlsAddresses().get(0), "LOGIN");
        assertDelivered(AuthMechanism.LOGIN);
    }

    @Test
    void startTlsForgetsEverythingFromBefore() throws IOException {
        try (RawClient client = RawClient.connect(server.plainAddresses().get(0))) {
            client.expect("220 ");
            assertTrue(client.command("EHLO client.test", "250").endsWith("\n250 STARTTLS"));
            client.command("AUTH PLAIN " + b64("\0alice\0" + PASSWORD), "235 2.7.0");
            client.command("STARTTLS now", "501 5.5.4");
            client.command("STARTTLS", "220 2.0.0");
            client.startTls(TlsFixture.clientContext());
            client.command("MAIL FROM:<alice@example.org>", "503 5.5.1 Send EHLO first");
            String ehlo = client.command("EHLO client.test", "250");
            assertFalse(ehlo.contains("STARTTLS"), ehlo);
            client.command("MAIL FROM:<alice@example.org>", "530 5.7.0");
            client.command("STARTTLS", "503 5.5.1 TLS is already active");
        }
    }

    @Test
    void implicitTlsGreetsAfterTheHandshakeAndDoesNotOfferStartTls() throws IOException {
        try (RawClient client = RawClient.connectTls(server.implicitTlsAddresses().get(0), TlsFixture.clientContext())) {
            client.expect("220 gateway.test ESMTP");
            String ehlo = client.command("EHLO client.test", "250");
            assertFalse(ehlo.contains("STARTTLS"), ehlo);
            client.command("STARTTLS", "503 5.5.1 TLS is already active");
            client.command("QUIT", "221");
        }
    }

    @Test
    void aFailedHandshakeClosesQuietlyAndTheServerGoesOn() throws Exception {
        InetSocketAddress address = server.implicitTlsAddresses().get(0);
        FixtureCa stranger = FixtureCa.create();
        try (SSLSocket socket = (SSLSocket) stranger.clientContext().getSocketFactory()
                .createSocket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(20_000);
            assertThrows(SSLException.class, socket::startHandshake);
        }
        try (RawClient plaintext = RawClient.connect(address)) {
            plaintext.send("EHLO client.test\r\n");
            String rest = plaintext.readToEnd();
            assertFalse(rest.contains("220") || rest.contains("250"), rest);
        }
        send("smtps", address, "PLAIN");
        assertDelivered(AuthMechanism.PLAIN);
    }

    private void send(String protocol, InetSocketAddress address, String mechanism) throws MessagingException {
        Properties properties = new Properties();
        String prefix = "mail." + protocol + ".";
        properties.put(prefix + "host", address.getAddress().getHostAddress());
        properties.put(prefix + "port", Integer.toString(address.getPort()));
        properties.put(prefix + "auth", "true");
        properties.put(prefix + "auth.mechanisms", mechanism);
        properties.put(prefix + "starttls.enable", "true");
        properties.put(prefix + "starttls.required", Boolean.toString(protocol.equals("smtp")));
        properties.put(prefix + "ssl.socketFactory", TlsFixture.clientContext().getSocketFactory());
        properties.put(prefix + "ssl.checkserveridentity", "true");
        properties.put(prefix + "connectiontimeout", "20000");
        properties.put(prefix + "timeout", "20000");
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("alice@example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@example.net"));
        message.setSubject("Over TLS");
        message.setText("Sent by Jakarta Mail.\n", "UTF-8");
        try (Transport transport = session.getTransport(protocol)) {
            transport.connect("alice@example.org", PASSWORD);
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    private void assertDelivered(AuthMechanism mechanism) {
        Credentials credentials = handler.credentials().get(handler.credentials().size() - 1);
        assertEquals(mechanism, credentials.mechanism());
        assertEquals("alice@example.org", credentials.username());
        assertArrayEquals(PASSWORD.toCharArray(), credentials.secret());
        SpoolingHandler.Message message = handler.committed().get(handler.committed().size() - 1);
        assertEquals("alice@example.org", message.envelope().sender());
        assertEquals(List.of("bob@example.net"), message.envelope().recipients());
        assertEquals(Optional.of("alice@example.org"), message.envelope().authenticatedUser());
        String content = new String(message.content(), StandardCharsets.US_ASCII);
        assertTrue(content.contains("Subject: Over TLS\r\n"), content);
        assertTrue(content.endsWith("Sent by Jakarta Mail.\r\n"), content);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
