package dev.hikyaku.gateway.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hikyaku.gateway.auth.AuthOutcome;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzzes a whole session with the fuzzer's bytes as the client's byte stream (sent line by line, as a client
 * waiting for each reply would). Without {@code JAZZER_FUZZ=1} it replays the seeds in
 * {@code SmtpSessionFuzzTestInputs/clientByteStream}: the smuggling vectors, ordinary sessions and AUTH.
 */
class SmtpSessionFuzzTest {
    private static final String SEEDS = "SmtpSessionFuzzTestInputs/clientByteStream";
    /** Small limits, so the fuzzer reaches them with short inputs. */
    private static final SmtpLimits LIMITS = new SmtpLimits(512, 2048, 200, 2000, 3, 200, Duration.ofMinutes(5), 1,
            3, Duration.ZERO);
    private static final AtomicInteger RUNS = new AtomicInteger();

    @FuzzTest
    void clientByteStream(byte[] input) {
        RUNS.incrementAndGet();
        SpoolingHandler handler = new SpoolingHandler().authenticator(credentials -> switch (credentials.username()) {
            case "alice" -> new AuthOutcome.Accepted();
            case "down" -> new AuthOutcome.Unavailable("upstream down");
            default -> new AuthOutcome.Refused(535, "5.7.8", "Authentication credentials invalid");
        });
        MemoryTransport transport = MemoryTransport.lineByLine(input);
        try {
            new SmtpSession(transport, "fuzz.test", LIMITS, handler).run();
        } catch (IOException e) {
            // The client's stream broke off: the one thing allowed to leave a session.
        }
        assertEquals(List.of(), handler.problems(), "a sink was misused");
        assertTrue(handler.committed().size() <= handler.begun().size(), "more commits than messages begun");
        assertTrue(handler.begun().size() <= dataCommands(input), "a message begun without a DATA command");
        for (SpoolingHandler.Message message : handler.committed()) {
            assertCleanLines(message.content());
        }
        assertCleanReplies(transport.written());
    }

    /** Proves the seeds were found and replayed, so a renamed directory cannot silently turn this into a no-op. */
    @AfterAll
    static void everySeedWasReplayed() throws IOException, URISyntaxException {
        URL seeds = SmtpSessionFuzzTest.class.getResource(SEEDS);
        assertTrue(seeds != null, "the seed directory " + SEEDS + " is missing");
        long count;
        try (Stream<Path> files = Files.list(Path.of(seeds.toURI()))) {
            count = files.count();
        }
        assertTrue(count >= 20, "expected the checked-in seeds, found " + count);
        // Jazzer adds one run with an empty input to the seeds.
        assertTrue(RUNS.get() >= count + 1, "only " + RUNS.get() + " runs for " + count + " seeds");
    }

    /** An upper bound: lines of the input that start with "DATA" in any case. */
    private static int dataCommands(byte[] input) {
        int count = 0;
        for (int start = 0; start < input.length; start++) {
            if ((start == 0 || input[start - 1] == '\n') && startsWithData(input, start)) {
                count++;
            }
        }
        return count;
    }

    private static boolean startsWithData(byte[] input, int start) {
        String word = "DATA";
        if (input.length - start < word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.toUpperCase((char) (input[start + i] & 0xff)) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Every line ends with CRLF, and no NUL, CR or LF appears anywhere else. */
    private static void assertCleanLines(byte[] content) {
        for (int i = 0; i < content.length; i++) {
            byte b = content[i];
            assertTrue(b != 0, "NUL in a committed message");
            if (b == '\r') {
                assertTrue(i + 1 < content.length && content[i + 1] == '\n', "bare CR in a committed message");
                i++;
            } else {
                assertTrue(b != '\n', "bare LF in a committed message");
            }
        }
        assertTrue(content.length == 0 || content[content.length - 1] == '\n', "a committed message ends mid-line");
    }

    /** The session only ever writes CRLF-ended reply lines of printable US-ASCII. */
    private static void assertCleanReplies(byte[] written) {
        int lineStart = 0;
        for (int i = 0; i < written.length; i++) {
            if (written[i] == '\r') {
                assertTrue(i + 1 < written.length && written[i + 1] == '\n', "bare CR in a reply");
                assertTrue(i - lineStart >= 3, "a reply line without a code");
                for (int j = lineStart; j < lineStart + 3; j++) {
                    assertTrue(written[j] >= '0' && written[j] <= '9', "a reply line without a code");
                }
                i++;
                lineStart = i + 1;
            } else {
                assertTrue(written[i] >= 0x20 && written[i] < 0x7f, "an unprintable octet in a reply");
            }
        }
        assertEquals(written.length, lineStart, "a reply line without CRLF");
    }
}
