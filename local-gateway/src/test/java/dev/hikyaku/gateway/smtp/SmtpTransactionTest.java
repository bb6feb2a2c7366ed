package dev.hikyaku.gateway.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MAIL, RCPT and DATA: what reaches the handler, byte for byte, and what is refused before it. */
class SmtpTransactionTest {
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
    void theEnvelopeAndTheDotUnstuffedLinesReachTheHandler() throws IOException {
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.command("MAIL FROM:<alice@example.org> SIZE=120 BODY=7BIT AUTH=<>", "250 2.1.0 Sender OK");
            client.command("RCPT TO:<bob@example.net>", "250 2.1.5 Recipient OK");
            client.command("RCPT TO:<\"carol smith\"@[192.0.2.1]>", "250 2.1.5");
            client.command("DATA", "354 End data with <CR><LF>.<CR><LF>");
            client.send("Subject: dots\r\n\r\n..one dot\r\n...two dots\r\n..\r\n\r\nlast\r\n.\r\n");
            client.expect("250 2.0.0 Queued as 1");
        }
        SpoolingHandler.Message message = handler.committed().get(0);
        assertEquals("Subject: dots\r\n\r\n.one dot\r\n..two dots\r\n.\r\n\r\nlast\r\n",
                new String(message.content(), StandardCharsets.US_ASCII));
        Envelope envelope = message.envelope();
        assertEquals("alice@example.org", envelope.sender());
        assertEquals(List.of("bob@example.net", "\"carol smith\"@[192.0.2.1]"), envelope.recipients());
        assertEquals(120, envelope.declaredSize());
        assertFalse(envelope.eightBitMime());
        assertFalse(envelope.smtpUtf8());
        assertEquals(Optional.empty(), envelope.authenticatedUser());
        assertEquals(InetAddress.getLoopbackAddress(), envelope.client().getAddress());
    }

    @Test
    void eightBitAndUtf8BytesArePreservedExactly() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("Subject: =?UTF-8?B?5pel5pys6Kqe?=\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        body.writeBytes("日本語の本文です。\r\n".getBytes(StandardCharsets.UTF_8));
        for (int b = 0x01; b <= 0xff; b++) {
            if (b != '\r' && b != '\n') {
                body.write(b);
            }
        }
        body.writeBytes(new byte[] {'\r', '\n'});
        byte[] expected = body.toByteArray();
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.command("MAIL FROM:<送信者@例え.jp> SMTPUTF8 BODY=8BITMIME", "250 2.1.0");
            client.command("RCPT TO:<受信者@bücher.example>", "250 2.1.5");
            client.command("DATA", "354");
            client.sendBytes(expected);
            client.send(".\r\n");
            client.expect("250 2.0.0");
        }
        SpoolingHandler.Message message = handler.committed().get(0);
        assertArrayEquals(expected, message.content());
        assertEquals("送信者@例え.jp", message.envelope().sender());
        assertEquals(List.of("受信者@bücher.example"), message.envelope().recipients());
        assertTrue(message.envelope().smtpUtf8());
        assertTrue(message.envelope().eightBitMime());
        assertEquals(-1, message.envelope().declaredSize());
    }

    @Test
    void nonAsciiAddressesNeedSmtpUtf8() throws IOException {
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.command("MAIL FROM:<送信者@例え.jp>", "553 5.6.7");
            client.command("MAIL FROM:<alice@example.org>", "250 2.1.0");
            client.command("RCPT TO:<受信者@例え.jp>", "553 5.6.7");
        }
    }

    @Test
    void anEmptyMessageAndTheNullSenderAreAccepted() throws IOException {
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.command("MAIL FROM:<>", "250 2.1.0");
            client.command("RCPT TO:<bob@example.net>", "250 2.1.5");
            client.command("DATA", "354");
            client.send(".\r\n");
            client.expect("250 2.0.0");
        }
        assertEquals("", handler.committed().get(0).envelope().sender());
        assertEquals(0, handler.committed().get(0).content().length);
    }

    @Test
    void badAddressesAreRefusedWithTheReason() throws IOException {
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.command("MAIL FROM:alice@example.org", "501 5.5.4 Syntax: MAIL FROM:<address>");
            client.command("MAIL FROM:<alice@example.org", "501 5.5.4");
            client.command("MAIL TO:<alice@example.org>", "501 5.5.4");
            client.command("MAIL FROM:<alice>", "501 5.1.7 Bad sender address syntax: the address has no @domain part");
            client.command("MAIL FROM:<al..ice@example.org>", "501 5.1.7");
            client.command("MAIL FROM:<alice@-example.org>", "501 5.1.7");
            client.command("MAIL FROM:<" + "a".repeat(65) + "@example.org>", "501 5.1.7");
            client.command("MAIL FROM:<@relay.example:alice@example.org>", "250 2.1.0");
            client.command("RCPT TO:<>", "501 5.1.3");
            client.command("RCPT TO:<bob example.net>", "501 5.1.3");
            client.command("RCPT TO:<bob@example.net> NOTIFY=NEVER", "555 5.5.4");
            client.command("RCPT TO: <bob@example.net>", "250 2.1.5");
            client.command("DATA", "354");
            client.send("x\r\n.\r\n");
            client.expect("250");
        }
        assertEquals("alice@example.org", handler.committed().get(0).envelope().sender());
    }

    @Test
    void unknownOrBadMailParametersAreRefused() throws IOException {
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.command("MAIL FROM:<a@example.org> RET=HDRS", "555 5.5.4 MAIL parameter RET is not supported");
            client.command("MAIL FROM:<a@example.org> BODY=BINARYMIME", "555 5.5.4");
            client.command("MAIL FROM:<a@example.org> SIZE=ten", "501 5.5.4");
            client.command("MAIL FROM:<a@example.org> SIZE=1 SIZE=2", "501 5.5.4");
            client.command("MAIL FROM:<a@example.org> SMTPUTF8=yes", "501 5.5.4");
            client.command("MAIL FROM:<a@example.org>SIZE=1", "501 5.5.4");
            client.command("MAIL FROM:<a@example.org> size=10 body=8bitmime smtputf8", "250 2.1.0");
        }
    }

    @Test
    void ehloAndRsetEndTheTransaction() throws IOException {
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.command("MAIL FROM:<a@example.org>", "250");
            client.command("RCPT TO:<b@example.net>", "250");
            client.command("EHLO client.test", "250");
            client.command("DATA", "503 5.5.1");
            client.command("MAIL FROM:<a@example.org>", "250");
            client.command("RSET", "250");
            client.command("RCPT TO:<b@example.net>", "503 5.5.1");
        }
    }

    @Test
    void severalMessagesInOneSession() throws IOException {
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            for (int i = 1; i <= 3; i++) {
                client.command("MAIL FROM:<a@example.org>", "250");
                client.command("RCPT TO:<b" + i + "@example.net>", "250");
                client.command("DATA", "354");
                client.send("message " + i + "\r\n.\r\n");
                client.expect("250 2.0.0 Queued as " + i);
            }
        }
        assertEquals(3, handler.committed().size());
        assertEquals("message 3\r\n", new String(handler.committed().get(2).content(), StandardCharsets.US_ASCII));
    }

    @Test
    void aSpoolThatCannotOpenGets451BeforeAnyMessageText() throws IOException {
        handler.failBegin(true);
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.command("MAIL FROM:<a@example.org>", "250");
            client.command("RCPT TO:<b@example.net>", "250");
            client.command("DATA", "451 4.3.0 Cannot take the message now");
            client.command("NOOP", "250");
        }
    }

    @Test
    void aCommitThatFailsGets451AndTheMessageIsAbandoned() throws IOException {
        handler.failCommit(true);
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.command("MAIL FROM:<a@example.org>", "250");
            client.command("RCPT TO:<b@example.net>", "250");
            client.command("DATA", "354");
            client.send("x\r\n.\r\n");
            client.expect("451 4.3.0 The message could not be saved in the gateway's queue");
        }
        assertEquals(0, handler.committed().size());
        assertEquals(1, handler.abandoned());
    }

    @Test
    void aClientLeavingInTheMiddleOfAMessageLeavesNothingCommitted() throws Exception {
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.command("MAIL FROM:<a@example.org>", "250");
            client.command("RCPT TO:<b@example.net>", "250");
            client.command("DATA", "354");
            client.send("Subject: cut short\r\n\r\nhalf a mess");
        }
        // Closing the server waits for the session, which abandons the message when it sees the end of stream.
        server.close();
        assertEquals(0, handler.committed().size());
        assertEquals(1, handler.abandoned());
    }
}
