package dev.hikyaku.gateway.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Command framing and the plain commands: what a line is, what is refused and what the session says. */
class SmtpFramingTest {
    private final SpoolingHandler handler = new SpoolingHandler();
    private SubmissionServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = TestServers.plain(handler, SmtpLimits.defaults());
    }

    @AfterEach
    void stopServer() {
        server.close();
        assertEquals(List.of(), handler.problems());
    }

    @Test
    void greetingAndEhloAnnounceTheExtensions() throws IOException {
        try (RawClient client = RawClient.connect(TestServers.address(server))) {
            assertEquals("220 gateway.test ESMTP Hikyaku submission gateway ready", client.reply());
            assertEquals(String.join("\n", "250-gateway.test greets you", "250-PIPELINING", "250-SIZE 67108864",
                    "250-8BITMIME", "250-SMTPUTF8", "250-ENHANCEDSTATUSCODES", "250 AUTH PLAIN LOGIN XOAUTH2"),
                    client.command("EHLO client.test", "250"));
        }
    }

    @Test
    void heloGetsTheShortGreeting() throws IOException {
        try (RawClient client = RawClient.connect(TestServers.address(server))) {
            client.expect("220 ");
            assertEquals("250 gateway.test", client.command("HELO client.test", "250"));
            client.command("EHLO", "501 5.5.4 Syntax: EHLO hostname");
        }
    }

    @Test
    void aBareLfInACommandEndsTheSessionAtOnce() throws IOException {
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.send("NOOP\nMAIL FROM:<evil@example.org>\r\n");
            client.expect("521 5.5.2 Error: bare <LF> received");
            assertEquals("", client.readToEnd());
        }
    }

    @Test
    void aBareCrInACommandEndsTheSessionAtOnce() throws IOException {
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.send("NOOP\rMAIL FROM:<evil@example.org>\r\n");
            client.expect("521 5.5.2 Error: bare <CR> received");
            assertEquals("", client.readToEnd());
        }
    }

    @Test
    void aNulInACommandIsRefusedAndTheSessionGoesOn() throws IOException {
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.command("NO\0OP", "500 5.5.2 The command contains a NUL character");
            client.command("NOOP", "250 2.0.0");
        }
    }

    @Test
    void aCommandLineOver512OctetsIsRefused() throws IOException {
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.command("NOOP " + "x".repeat(505), "250 2.0.0");
            client.command("NOOP " + "x".repeat(506), "500 5.5.2 Line too long: the limit is 512 octets");
            client.command("NOOP " + "x".repeat(20_000), "500 5.5.2 Line too long: the limit is 512 octets");
            client.command("NOOP", "250 2.0.0");
        }
    }

    @Test
    void aCommandThatIsNotUtf8IsRefused() throws IOException {
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.sendBytes(new byte[] {'N', 'O', 'O', 'P', ' ', (byte) 0xC3, '(', '\r', '\n'});
            client.expect("500 5.5.2 The command is not valid UTF-8");
        }
    }

    @Test
    void unknownAndUnimplementedCommandsAreTold() throws IOException {
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.command("FROB", "500 5.5.1");
            client.command("", "500 5.5.1");
            client.command("EXPN staff", "502 5.5.1");
            client.command("BDAT 10 LAST", "502 5.5.1");
        }
    }

    @Test
    void commandsOutOfSequenceGet503() throws IOException {
        try (RawClient client = RawClient.connect(TestServers.address(server))) {
            client.expect("220 ");
            client.command("MAIL FROM:<a@example.org>", "503 5.5.1 Send EHLO first");
            client.command("EHLO client.test", "250");
            client.command("RCPT TO:<b@example.net>", "503 5.5.1 Send MAIL FROM first");
            client.command("DATA", "503 5.5.1");
            client.command("MAIL FROM:<a@example.org>", "250 2.1.0");
            client.command("DATA", "503 5.5.1 No valid recipients");
            client.command("MAIL FROM:<a@example.org>", "503 5.5.1 A mail transaction is already open");
            client.command("RSET", "250 2.0.0");
            client.command("MAIL FROM:<a@example.org>", "250 2.1.0");
        }
    }

    @Test
    void theSmallCommandsAnswer() throws IOException {
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.command("NOOP anything", "250 2.0.0");
            client.command("VRFY postmaster", "252 2.5.0");
            client.command("HELP", "214 2.0.0");
            client.command("RSET now", "501 5.5.4");
            client.command("STARTTLS", "502 5.5.1 STARTTLS is not offered here");
            client.command("QUIT", "221 2.0.0");
            assertEquals("", client.readToEnd());
        }
    }

    @Test
    void aBrowserTalkingHttpToTheGatewayIsSentAway() throws IOException {
        try (RawClient client = RawClient.connect(TestServers.address(server))) {
            client.expect("220 ");
            client.send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nEHLO x\r\nMAIL FROM:<evil@example.org>\r\n");
            client.expect("521 5.7.0");
            assertEquals("", client.readToEnd());
        }
    }

    @Test
    void aHeaderLineAsACommandIsSentAway() throws IOException {
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            String reply = client.command("Host: 127.0.0.1", "521 5.7.0");
            assertFalse(reply.contains("127.0.0.1"), "client text is never echoed");
            assertTrue(client.readToEnd().isEmpty());
        }
    }
}
