package dev.hikyaku.gateway.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every limit of {@link SmtpLimits}, met exactly and then passed by one. */
class SmtpLimitsTest {
    private final SpoolingHandler handler = new SpoolingHandler();
    private SubmissionServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
        assertEquals(List.of(), handler.problems());
    }

    @Test
    void aDeclaredSizeOverTheLimitIsRefusedAtMail() throws IOException {
        server = TestServers.plain(handler, SmtpLimits.defaults().withMaxMessageSize(1000));
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.command("MAIL FROM:<a@example.org> SIZE=1001",
                    "552 5.3.4 Message too big: the limit is 1000 bytes");
            client.command("MAIL FROM:<a@example.org> SIZE=99999999999999999999", "552 5.3.4");
            client.command("MAIL FROM:<a@example.org> SIZE=1000", "250 2.1.0");
        }
    }

    @Test
    void aMessageOverTheLimitIsCountedReadToTheEndAndRefused() throws IOException {
        server = TestServers.plain(handler, SmtpLimits.defaults().withMaxMessageSize(1000));
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            startData(client);
            // 20 lines of 48 octets plus CRLF: 1000 octets exactly.
            String exact = ("x".repeat(48) + "\r\n").repeat(20);
            client.send(exact + ".\r\n");
            client.expect("250 2.0.0");
            startData(client);
            client.send(exact + "y\r\n" + exact + ".\r\n");
            client.expect("552 5.3.4 Message too big: the limit is 1000 bytes");
            client.command("NOOP", "250 2.0.0");
        }
        assertEquals(1, handler.committed().size());
        assertEquals(1000, handler.committed().get(0).content().length);
        assertEquals(1, handler.abandoned());
    }

    @Test
    void aMessageLineOver1000OctetsIsReadToTheEndAndRefused() throws IOException {
        server = TestServers.plain(handler, SmtpLimits.defaults());
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            startData(client);
            client.send("x".repeat(998) + "\r\n.\r\n");
            client.expect("250 2.0.0");
            startData(client);
            client.send("x".repeat(999) + "\r\nmore\r\n.\r\n");
            client.expect("554 5.6.0 The message has a line longer than 1000 octets");
            client.command("NOOP", "250 2.0.0");
        }
        assertEquals(1, handler.committed().size());
        assertEquals(1, handler.abandoned());
    }

    @Test
    void recipientsOverTheLimitAreRefusedWith452AndTheRestIsDelivered() throws IOException {
        server = TestServers.plain(handler, SmtpLimits.defaults().withMaxRecipients(2));
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.command("MAIL FROM:<a@example.org>", "250 2.1.0");
            client.command("RCPT TO:<b@example.net>", "250 2.1.5");
            client.command("RCPT TO:<c@example.net>", "250 2.1.5");
            client.command("RCPT TO:<d@example.net>", "452 4.5.3 Too many recipients: the limit is 2 per message");
            client.command("DATA", "354");
            client.send("hi\r\n.\r\n");
            client.expect("250 2.0.0");
        }
        assertEquals(List.of("b@example.net", "c@example.net"), handler.committed().get(0).envelope().recipients());
    }

    @Test
    void oneCommandOverTheSessionLimitEndsTheSession() throws IOException {
        server = TestServers.plain(handler, SmtpLimits.defaults().withMaxCommands(3));
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.command("NOOP", "250 2.0.0");
            client.command("NOOP", "250 2.0.0");
            client.command("NOOP", "421 4.7.0 Too many commands in one session (the limit is 3)");
            assertEquals("", client.readToEnd());
        }
    }

    @Test
    void anIdleClientIsToldAndDisconnected() throws IOException {
        server = TestServers.plain(handler, SmtpLimits.defaults().withIdleTimeout(Duration.ofMillis(300)));
        try (RawClient client = RawClient.connect(TestServers.address(server))) {
            client.expect("220 ");
            client.expect("421 4.4.2");
            assertEquals("", client.readToEnd());
        }
    }

    @Test
    void aClientGoingIdleInTheMiddleOfAMessageLosesIt() throws IOException {
        server = TestServers.plain(handler, SmtpLimits.defaults().withIdleTimeout(Duration.ofMillis(300)));
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            startData(client);
            client.send("Subject: half\r\n");
            client.expect("421 4.4.2");
            assertEquals("", client.readToEnd());
        }
        assertEquals(0, handler.committed().size());
        assertEquals(1, handler.abandoned());
    }

    @Test
    void aSessionOverTheLimitIsRefusedWith421() throws Exception {
        server = TestServers.plain(handler, SmtpLimits.defaults().withMaxSessions(1));
        try (RawClient first = RawClient.greeted(TestServers.address(server))) {
            try (RawClient second = RawClient.connect(TestServers.address(server))) {
                second.expect("421 4.3.2 gateway.test Too many connections (the limit is 1)");
                assertEquals("", second.readToEnd());
            }
            first.command("QUIT", "221");
        }
        // The slot comes free once the first session has ended; give it a generous while to do so.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (RawClient third = RawClient.connect(TestServers.address(server))) {
                String greeting = third.reply();
                if (greeting.startsWith("220 ")) {
                    break;
                }
                assertTrue(greeting.startsWith("421 4.3.2"), greeting);
            } catch (EOFException | SocketException e) {
                // Refused and closed before the reply was read: try again.
            }
            assertTrue(System.nanoTime() < deadline, "the session slot never came free");
            Thread.sleep(20);
        }
    }

    @Test
    void limitsAreValidated() {
        SmtpLimits defaults = SmtpLimits.defaults();
        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxMessageSize(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withIdleTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> defaults.withGreetingWait(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> new SmtpLimits(512, 100, 1000, 1, 1, 1,
                Duration.ofMinutes(1), 1, 1, Duration.ZERO));
    }

    private static void startData(RawClient client) throws IOException {
        client.command("MAIL FROM:<a@example.org>", "250 2.1.0");
        client.command("RCPT TO:<b@example.net>", "250 2.1.5");
        client.command("DATA", "354");
    }
}
