package dev.hikyaku.gateway.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 2920 pipelining as Postfix's {@code smtpd_forbid_unauth_pipelining} enforces it: MAIL, RCPT and RSET may
 * be sent ahead, anything that must end a group may not, and nothing may be sent ahead without PIPELINING.
 */
class SmtpPipeliningTest {
    private static final String SYNC_ERROR = "554 5.5.0 Error: SMTP protocol synchronization";

    private final SpoolingHandler handler = new SpoolingHandler();
    private SubmissionServer server;

    @AfterEach
    void stopServer() {
        server.close();
        assertEquals(List.of(), handler.problems());
    }

    @Test
    void mailRcptAndDataPipelinedAfterEhloAreAccepted() throws IOException {
        server = TestServers.plain(handler, SmtpLimits.defaults());
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.send("RSET\r\nMAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.net>\r\nRCPT TO:<c@example.net>\r\n"
                    + "DATA\r\n");
            client.expect("250 2.0.0");
            client.expect("250 2.1.0");
            client.expect("250 2.1.5");
            client.expect("250 2.1.5");
            client.expect("354");
            client.send("Subject: pipelined\r\n\r\nbody\r\n.\r\nQUIT\r\n");
            client.expect("250 2.0.0");
            client.expect("221");
        }
        assertEquals(List.of("b@example.net", "c@example.net"), handler.committed().get(0).envelope().recipients());
    }

    @Test
    void aCommandSentBeforeTheEhloReplyEndsTheSession() throws IOException {
        server = TestServers.plain(handler, SmtpLimits.defaults());
        try (RawClient client = RawClient.connect(TestServers.address(server))) {
            client.expect("220 ");
            client.send("EHLO client.test\r\nMAIL FROM:<a@example.org>\r\n");
            client.expect(SYNC_ERROR);
            assertEquals("", client.readToEnd());
        }
    }

    @Test
    void nothingMayBePipelinedAfterHeloSincePipeliningWasNotOffered() throws IOException {
        server = TestServers.plain(handler, SmtpLimits.defaults());
        try (RawClient client = RawClient.connect(TestServers.address(server))) {
            client.expect("220 ");
            client.command("HELO client.test", "250 " + TestServers.HOSTNAME);
            client.send("MAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.net>\r\n");
            client.expect(SYNC_ERROR);
            assertEquals("", client.readToEnd());
        }
    }

    @Test
    void messageTextSentBeforeThe354IsNeverTakenAsAMessage() throws IOException {
        server = TestServers.plain(handler, SmtpLimits.defaults());
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.send("MAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.net>\r\nDATA\r\nSubject: early\r\n\r\nx\r\n.\r\n");
            client.expect("250 2.1.0");
            client.expect("250 2.1.5");
            client.expect(SYNC_ERROR);
            assertEquals("", client.readToEnd());
        }
        assertEquals(List.of(), handler.begun());
    }

    @Test
    void noopEndsAGroup() throws IOException {
        server = TestServers.plain(handler, SmtpLimits.defaults());
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.send("NOOP\r\nRSET\r\n");
            client.expect(SYNC_ERROR);
            assertEquals("", client.readToEnd());
        }
    }

    @Test
    void authEndsAGroupSoNoCredentialsAreCheckedForAPipeliningClient() throws IOException {
        server = TestServers.plain(handler, SmtpLimits.defaults());
        String plain = Base64.getEncoder().encodeToString("\0user\0secret".getBytes(StandardCharsets.UTF_8));
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.send("AUTH PLAIN " + plain + "\r\nMAIL FROM:<a@example.org>\r\n");
            client.expect(SYNC_ERROR);
            assertEquals("", client.readToEnd());
        }
        assertEquals(List.of(), handler.credentials());
    }

    @Test
    void inputBeforeTheGreetingEndsTheSession() throws IOException {
        // The listener watches for a minute; the eager client's bytes arrive long before that.
        server = TestServers.plain(handler, SmtpLimits.defaults().withGreetingWait(Duration.ofMinutes(1)));
        try (RawClient client = RawClient.connect(TestServers.address(server))) {
            client.send("EHLO eager.test\r\n");
            client.expect(SYNC_ERROR);
            assertEquals("", client.readToEnd());
        }
    }

    @Test
    void aCommandPipelinedAfterStartTlsIsNeverCarriedIntoTls() throws IOException {
        server = TestServers.withTls(handler, SmtpLimits.defaults(), TlsFixture.serverContext());
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.send("STARTTLS\r\nRSET\r\n");
            client.expect(SYNC_ERROR);
            assertEquals("", client.readToEnd());
        }
    }

    @Test
    void plaintextSentAfterTheStartTlsReplyBreaksTheHandshakeInsteadOfRunning() throws IOException {
        server = TestServers.withTls(handler, SmtpLimits.defaults(), TlsFixture.serverContext());
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.command("STARTTLS", "220 2.0.0");
            client.send("EHLO evil.test\r\nMAIL FROM:<evil@example.org>\r\nRCPT TO:<b@example.net>\r\nDATA\r\n");
            String rest = client.readToEnd();
            assertFalse(rest.contains("250"), rest);
            assertFalse(rest.contains("354"), rest);
        }
        assertEquals(List.of(), handler.begun());
    }
}
