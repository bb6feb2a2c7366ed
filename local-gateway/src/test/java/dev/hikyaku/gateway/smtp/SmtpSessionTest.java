package dev.hikyaku.gateway.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The session over memory streams, where the arrival of the client's bytes is exactly under the test's control. */
class SmtpSessionTest {
    private final SpoolingHandler handler = new SpoolingHandler();

    @Test
    void aClientThatTalksBeforeTheGreetingIsSentAwayWithoutOne() throws IOException {
        MemoryTransport transport = MemoryTransport.allAtOnce(bytes("EHLO eager.test\r\n"));
        new SmtpSession(transport, "gateway.test", SmtpLimits.defaults(), handler).run();
        assertEquals("554 5.5.0 Error: SMTP protocol synchronization: commands were sent before the reply to the"
                + " previous one. Closing the connection\r\n", text(transport.written()));
    }

    @Test
    void aClientThatWaitsItsTurnIsServedLineByLine() throws IOException {
        MemoryTransport transport = MemoryTransport.lineByLine(bytes("EHLO patient.test\r\nMAIL FROM:<a@example.org>\r\n"
                + "RCPT TO:<b@example.net>\r\nDATA\r\nhello\r\n.\r\nQUIT\r\n"));
        new SmtpSession(transport, "gateway.test", SmtpLimits.defaults(), handler).run();
        String replies = text(transport.written());
        assertTrue(replies.startsWith("220 gateway.test ESMTP"), replies);
        assertTrue(replies.endsWith("250 2.0.0 Queued as 1\r\n221 2.0.0 gateway.test closing connection\r\n"), replies);
        assertEquals("hello\r\n", text(handler.committed().get(0).content()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
