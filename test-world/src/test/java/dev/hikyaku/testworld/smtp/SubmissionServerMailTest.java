package dev.hikyaku.testworld.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A real Jakarta Mail (Angus) client submits to the fixture submission server. */
// One CA (and its cached RSA keys) for the whole class; every test still gets fresh certificates.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmissionServerMailTest {

    private static final String MESSAGE = "From: alice@example.test\r\nTo: bob@example.test\r\n"
            + "Subject: =?UTF-8?B?5LiK?=\r\n\tfolded\r\nX-Odd:no space\r\n\r\nhello \u00e9\r\n.leading dot\r\n";

    private final FixtureCa ca = FixtureCa.create();

    private Issued certificate() {
        return ca.server(SubmissionServer.HOSTNAME, "127.0.0.1");
    }

    @Test
    void startTlsPlainAuthAndMailParametersAreRecorded() throws Exception {
        SubmissionBehaviour behaviour = SubmissionBehaviour.startTls(certificate()).withRequireTls()
                .withAuthRequired(SubmissionAccount.password("alice", "s3cret"));
        try (SubmissionServer server = SubmissionServer.start(behaviour)) {
            Properties properties = tlsProperties(server);
            properties.put("mail.smtp.auth.mechanisms", "PLAIN");
            Session session = Session.getInstance(properties);
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect("127.0.0.1", server.address().getPort(), "alice", "s3cret");
                transport.sendMessage(message(session, "REQUIRETLS BODY=8BITMIME SMTPUTF8"),
                        addresses("bob@example.test"));
            }

            SubmissionSession recorded = server.sessions().get(0);
            assertTrue(recorded.isTls());
            assertEquals(Optional.of("client.example.test"), recorded.ehloName());
            assertEquals(List.of(new AuthAttempt("PLAIN", "alice", "alice", true)), recorded.authAttempts());
            assertEquals(Optional.of("alice"), recorded.authenticatedUser());
            assertEquals(List.of("AUTH PLAIN ***"), recorded.commands("AUTH"));
            assertFalse(recorded.commands().stream().anyMatch(line -> line.contains("s3cret")));
            ReceivedMessage received = server.messages().get(0);
            assertEquals(List.of("REQUIRETLS", "BODY=8BITMIME", "SMTPUTF8"), received.mailParameters());
            assertEquals(List.of("bob@example.test"), received.recipients());
            assertTrue(received.overTls());
            assertArrayEquals(MESSAGE.getBytes(StandardCharsets.UTF_8), received.raw());
        }
    }

    @Test
    void loginAndXoauth2AreAcceptedAndWrongSecretsGet535() throws Exception {
        SubmissionBehaviour behaviour = SubmissionBehaviour.startTls(certificate()).withAuthRequired(
                SubmissionAccount.password("alice", "s3cret"), SubmissionAccount.oauth("carol", "ya29.token"));
        try (SubmissionServer server = SubmissionServer.start(behaviour)) {
            connectAndClose(server, "LOGIN", "alice", "s3cret");
            connectAndClose(server, "XOAUTH2", "carol", "ya29.token");
            AuthenticationFailedException refused = assertThrows(AuthenticationFailedException.class,
                    () -> connectAndClose(server, "LOGIN", "alice", "wrong"));
            assertTrue(refused.getMessage().startsWith("535 5.7.8"), refused.getMessage());
            // A password is no token: XOAUTH2 with alice's password is refused as well.
            assertThrows(AuthenticationFailedException.class,
                    () -> connectAndClose(server, "XOAUTH2", "alice", "s3cret"));

            List<AuthAttempt> attempts = server.sessions().stream()
                    .flatMap(session -> session.authAttempts().stream()).toList();
            assertEquals(List.of(new AuthAttempt("LOGIN", "", "alice", true),
                    new AuthAttempt("XOAUTH2", "", "carol", true), new AuthAttempt("LOGIN", "", "alice", false),
                    new AuthAttempt("XOAUTH2", "", "alice", false)), attempts);
        }
    }

    @Test
    void implicitTlsServerSpeaksTlsFromTheFirstByte() throws Exception {
        try (SubmissionServer server = SubmissionServer.start(SubmissionBehaviour.implicitTls(certificate()))) {
            Properties properties = baseProperties(server);
            properties.put("mail.smtp.ssl.enable", "true");
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
            properties.put("mail.smtp.ssl.socketFactory", ca.clientContext().getSocketFactory());
            send(Session.getInstance(properties), server, "bob@example.test");

            assertTrue(server.sessions().get(0).isTls());
            assertTrue(server.messages().get(0).overTls());
        }
    }

    @Test
    void scriptedRecipientRepliesAndTheNextDataReply() throws Exception {
        try (SubmissionServer server = SubmissionServer.start(SubmissionBehaviour.plain())) {
            server.script().replyToRecipient("Gone@Example.test", "550 5.1.1 No such user");
            server.script().replyToRecipient("later@example.test", "451 4.3.0 Try again later");
            Properties properties = baseProperties(server);
            properties.put("mail.smtp.sendpartial", "true");
            Session session = Session.getInstance(properties);

            SMTPSendFailedException partial = assertThrows(SMTPSendFailedException.class,
                    () -> send(session, server, "ok@example.test", "gone@example.test", "later@example.test"));
            assertEquals(1, partial.getValidSentAddresses().length);
            assertEquals(List.of("ok@example.test"), server.messages().get(0).recipients());

            server.script().replyToNextData("554 5.6.0 Content refused");
            SMTPSendFailedException refused = assertThrows(SMTPSendFailedException.class,
                    () -> send(session, server, "ok@example.test"));
            assertEquals(554, refused.getReturnCode());
            assertEquals(1, server.messages().size(), "a refused message is not recorded as received");

            send(session, server, "ok@example.test");
            assertEquals(2, server.messages().size(), "the DATA reply was for one message only");
        }
    }

    @Test
    void stopRefusesConnectionsAndRestartComesBackOnTheSamePort() throws Exception {
        try (SubmissionServer server = SubmissionServer.start(SubmissionBehaviour.plain())) {
            Session session = Session.getInstance(baseProperties(server));
            send(session, server, "bob@example.test");
            int port = server.address().getPort();

            server.stop();
            assertFalse(server.isRunning());
            assertThrows(MessagingException.class, () -> send(session, server, "bob@example.test"));

            server.restart();
            assertEquals(port, server.address().getPort());
            send(session, server, "bob@example.test");
            assertEquals(2, server.messages().size());
            assertEquals(2, server.connectionCount());
        }
    }

    private void connectAndClose(SubmissionServer server, String mechanism, String user, String secret)
            throws MessagingException {
        Properties properties = tlsProperties(server);
        properties.put("mail.smtp.auth.mechanisms", mechanism);
        try (Transport transport = Session.getInstance(properties).getTransport("smtp")) {
            transport.connect("127.0.0.1", server.address().getPort(), user, secret);
        }
    }

    private Properties tlsProperties(SubmissionServer server) {
        Properties properties = baseProperties(server);
        properties.put("mail.smtp.auth", "true");
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.starttls.required", "true");
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        properties.put("mail.smtp.ssl.socketFactory", ca.clientContext().getSocketFactory());
        return properties;
    }

    private static Properties baseProperties(SubmissionServer server) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(server.address().getPort()));
        properties.put("mail.smtp.localhost", "client.example.test");
        properties.put("mail.smtp.connectiontimeout", Integer.toString(SmtpTestClient.TIMEOUT_MILLIS));
        properties.put("mail.smtp.timeout", Integer.toString(SmtpTestClient.TIMEOUT_MILLIS));
        return properties;
    }

    private static void send(Session session, SubmissionServer server, String... recipients)
            throws MessagingException {
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", server.address().getPort(), null, null);
            transport.sendMessage(message(session, null), addresses(recipients));
        }
    }

    /** A message that is written out exactly as parsed, so the test knows every byte the server must get. */
    private static SMTPMessage message(Session session, String mailExtension) throws MessagingException {
        SMTPMessage message = new SMTPMessage(session,
                new ByteArrayInputStream(MESSAGE.getBytes(StandardCharsets.UTF_8)));
        message.setEnvelopeFrom("alice@example.test");
        message.setMailExtension(mailExtension);
        return message;
    }

    private static InternetAddress[] addresses(String... recipients) throws MessagingException {
        InternetAddress[] addresses = new InternetAddress[recipients.length];
        for (int i = 0; i < recipients.length; i++) {
            addresses[i] = new InternetAddress(recipients[i]);
        }
        return addresses;
    }
}
