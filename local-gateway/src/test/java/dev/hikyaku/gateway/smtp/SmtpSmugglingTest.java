package dev.hikyaku.gateway.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SMTP smuggling (CVE-2023-51764 and friends): a message carrying a fake end-of-data sequence followed by a
 * second, smuggled transaction. None of them may end or split the message, and the smuggled commands must
 * never run.
 */
class SmtpSmugglingTest {
    private static final String SMUGGLED = "MAIL FROM:<evil@x>\r\nRCPT TO:<y@z>\r\nDATA\r\nsmuggled\r\n.\r\n";

    private final SpoolingHandler handler = new SpoolingHandler();
    private SubmissionServer server;

    /** What the listener must answer once the message (with the vector inside) has been sent. */
    private enum Expected {
        /** 521 for a bare CR, then the connection closes at once. */
        BARE_CR("521 5.5.2 Error: bare <CR> received"),
        /** 521 for a bare LF, then the connection closes at once. */
        BARE_LF("521 5.5.2 Error: bare <LF> received"),
        /** Read to the real end, refused with 554, the session goes on. */
        NUL("554 5.6.0"),
        /** Not an end-of-data look-alike at all: plain text, committed as one message. */
        TEXT("250 2.0.0");

        private final String reply;

        Expected(String reply) {
            this.reply = reply;
        }
    }

    static Stream<Arguments> vectors() {
        return Stream.of(
                arguments("<LF>.<LF>", "\n.\n", Expected.BARE_LF),
                arguments("<LF>.<CR><LF>", "\n.\r\n", Expected.BARE_LF),
                arguments("<CR>.<CR>", "\r.\r", Expected.BARE_CR),
                arguments("<CR><LF>.<CR>", "\r\n.\r", Expected.BARE_CR),
                arguments("<CR><LF><NUL>.<CR><LF>", "\r\n\0.\r\n", Expected.NUL),
                arguments("<CR><LF>.<LF>", "\r\n.\n", Expected.BARE_LF),
                arguments("<CR><LF>.<NUL><CR><LF>", "\r\n.\0\r\n", Expected.NUL),
                arguments("<CR>.<CR><LF>", "\r.\r\n", Expected.BARE_CR),
                arguments("<LF>.<CR>", "\n.\r", Expected.BARE_LF),
                arguments("<CR><LF>.<CR><CR><LF>", "\r\n.\r\r\n", Expected.BARE_CR),
                arguments("<CR><CR><LF>.<CR><CR><LF>", "\r\r\n.\r\r\n", Expected.BARE_CR),
                arguments("<CR><LF><NUL>.<NUL><CR><LF>", "\r\n\0.\0\r\n", Expected.NUL),
                arguments("<CR><LF>.<SP><CR><LF>", "\r\n. \r\n", Expected.TEXT),
                arguments("<CR><LF><SP>.<CR><LF>", "\r\n .\r\n", Expected.TEXT),
                arguments("<CR><LF>..<CR><LF>", "\r\n..\r\n", Expected.TEXT));
    }

    @BeforeEach
    void startServer() throws IOException {
        server = TestServers.plain(handler, SmtpLimits.defaults());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void aFakeEndOfDataNeitherEndsTheMessageNorRunsTheSmuggledCommands(String name, String vector, Expected expected)
            throws IOException {
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.command("MAIL FROM:<good@example.org>", "250 2.1.0");
            client.command("RCPT TO:<to@example.net>", "250 2.1.5");
            client.command("DATA", "354");
            client.sendBytes(("Subject: hello\r\n\r\nfirst part" + vector + SMUGGLED)
                    .getBytes(StandardCharsets.ISO_8859_1));
            client.expect(expected.reply);
            if (expected == Expected.BARE_CR || expected == Expected.BARE_LF) {
                assertEquals("", client.readToEnd(), "nothing may follow the 521");
            } else {
                client.command("QUIT", "221 2.0.0");
            }
        }
        assertEquals(1, handler.begun().size(), "the smuggled DATA must never open a message");
        assertEquals("good@example.org", handler.begun().get(0).sender());
        if (expected == Expected.TEXT) {
            assertEquals(1, handler.committed().size());
            String content = new String(handler.committed().get(0).content(), StandardCharsets.ISO_8859_1);
            assertTrue(content.endsWith("MAIL FROM:<evil@x>\r\nRCPT TO:<y@z>\r\nDATA\r\nsmuggled\r\n"), content);
            assertEquals(0, handler.abandoned());
        } else {
            assertEquals(0, handler.committed().size(), "a message with a smuggling vector must not be committed");
            assertEquals(1, handler.abandoned());
        }
        assertEquals(java.util.List.of(), handler.problems());
    }
}
