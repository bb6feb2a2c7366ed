package dev.hikyaku.testworld.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.testworld.ca.FixtureCa;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The submission server line by line: what it offers when, what it refuses, what it records. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmissionServerProtocolTest {

    private final FixtureCa ca = FixtureCa.create();

    @Test
    void authIsOfferedOnlyAfterStartTlsAndMailNeedsIt() throws Exception {
        SubmissionBehaviour behaviour = SubmissionBehaviour.startTls(ca.server(SubmissionServer.HOSTNAME))
                .withAuthRequired(SubmissionAccount.password("alice", "s3cret"));
        try (SubmissionServer server = SubmissionServer.start(behaviour);
                SmtpTestClient client = new SmtpTestClient(server.address())) {
            client.reply();
            List<String> clear = client.command("EHLO client.example.test");
            assertTrue(clear.contains("250-STARTTLS"), clear.toString());
            assertTrue(clear.stream().noneMatch(line -> line.contains("AUTH")), clear.toString());
            assertTrue(client.command("AUTH PLAIN " + plain("", "alice", "s3cret")).get(0).startsWith("530 5.7.0"));

            client.startTls(ca.clientContext(), SubmissionServer.HOSTNAME);
            List<String> secured = client.command("EHLO client.example.test");
            assertTrue(secured.contains("250-AUTH PLAIN LOGIN XOAUTH2"), secured.toString());
            assertFalse(secured.contains("250-STARTTLS"), secured.toString());
            assertTrue(client.command("MAIL FROM:<alice@example.test>").get(0).startsWith("530 5.7.0"));
            assertTrue(client.command("AUTH PLAIN " + plain("bob", "alice", "s3cret")).get(0).startsWith("535 5.7.8"),
                    "alice may not act as bob");
            assertTrue(client.command("AUTH PLAIN").get(0).startsWith("334"));
            assertTrue(client.command("*").get(0).startsWith("501"), "the client may cancel");
            assertTrue(client.command("AUTH PLAIN " + plain("", "alice", "s3cret")).get(0).startsWith("235"));
            assertTrue(client.command("MAIL FROM:<alice@example.test>").get(0).startsWith("250"));
            client.command("QUIT");

            SubmissionSession session = server.sessions().get(0);
            assertEquals(List.of(new AuthAttempt("PLAIN", "bob", "alice", false),
                    new AuthAttempt("PLAIN", "", "alice", true)), session.authAttempts());
            assertTrue(session.commands().stream().noneMatch(line -> line.contains(plain("", "alice", "s3cret"))));
        }
    }

    @Test
    void aStrictServerRefusesParametersItDidNotAdvertise() throws Exception {
        SubmissionBehaviour behaviour = SubmissionBehaviour.plain().withoutEightBitMime().withoutSmtpUtf8()
                .withMaxMessage(1000);
        try (SubmissionServer server = SubmissionServer.start(behaviour);
                SmtpTestClient client = new SmtpTestClient(server.address())) {
            client.reply();
            List<String> ehlo = client.command("EHLO client.example.test");
            assertTrue(ehlo.stream().noneMatch(line -> line.contains("8BITMIME") || line.contains("SMTPUTF8")
                    || line.contains("AUTH") || line.contains("REQUIRETLS")), ehlo.toString());
            assertTrue(ehlo.contains("250-SIZE 1000"), ehlo.toString());
            assertEquals("555 5.5.4 Unsupported option: REQUIRETLS",
                    client.command("MAIL FROM:<a@example.test> REQUIRETLS").get(0));
            assertTrue(client.command("MAIL FROM:<a@example.test> BODY=8BITMIME").get(0).startsWith("555"));
            assertTrue(client.command("MAIL FROM:<a@example.test> SMTPUTF8").get(0).startsWith("555"));
            assertTrue(client.command("MAIL FROM:<a@example.test> SIZE=1001").get(0).startsWith("552"));
            assertTrue(client.command("MAIL FROM:<a@example.test> SIZE=1000 BODY=7BIT").get(0).startsWith("250"));
            assertTrue(client.command("AUTH LOGIN").get(0).startsWith("503"));
            client.command("QUIT");

            assertEquals(List.of("MAIL FROM:<a@example.test> REQUIRETLS", "MAIL FROM:<a@example.test> BODY=8BITMIME",
                    "MAIL FROM:<a@example.test> SMTPUTF8", "MAIL FROM:<a@example.test> SIZE=1001",
                    "MAIL FROM:<a@example.test> SIZE=1000 BODY=7BIT"), server.sessions().get(0).commands("MAIL"));
        }
    }

    @Test
    void aMessageCutOffBeforeTheFinalDotIsNotRecorded() throws Exception {
        try (SubmissionServer server = SubmissionServer.start(SubmissionBehaviour.plain())) {
            try (SmtpTestClient client = new SmtpTestClient(server.address())) {
                client.reply();
                client.command("EHLO client.example.test");
                client.command("MAIL FROM:<a@example.test>");
                client.command("RCPT TO:<b@example.test>");
                assertTrue(client.command("DATA").get(0).startsWith("354"));
                client.send("Subject: never finished");
            }
            awaitClosed(server);
            assertTrue(server.messages().isEmpty());
            assertEquals(List.of("DATA"), server.sessions().get(0).commands("DATA"));
        }
    }

    @Test
    void stopDropsOpenConnections() throws Exception {
        try (SubmissionServer server = SubmissionServer.start(SubmissionBehaviour.plain());
                SmtpTestClient client = new SmtpTestClient(server.address())) {
            client.reply();
            server.stop();
            assertThrows(IOException.class, () -> client.command("NOOP"));
            assertEquals(0, server.openConnections());
        }
    }

    @Test
    void scriptedRepliesMustBeFailures() {
        SubmissionScript script = new SubmissionScript();
        assertThrows(IllegalArgumentException.class, () -> script.replyToNextData("250 2.0.0 fine"));
        assertThrows(IllegalArgumentException.class, () -> script.replyToRecipient("a@example.test", "550 x\r\nQUIT"));
    }

    private static String plain(String authzid, String user, String password) {
        return Base64.getEncoder().encodeToString((authzid + "\0" + user + "\0" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void awaitClosed(SubmissionServer server) throws InterruptedException {
        // The server notices the client's close on its own thread; a generous bound only guards against a hang.
        for (int i = 0; i < 500 && server.openConnections() > 0; i++) {
            Thread.sleep(10);
        }
        assertEquals(0, server.openConnections());
    }
}
