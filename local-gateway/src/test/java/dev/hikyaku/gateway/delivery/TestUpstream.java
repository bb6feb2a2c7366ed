package dev.hikyaku.gateway.delivery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.gateway.auth.AuthMechanism;
import dev.hikyaku.gateway.auth.Credentials;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.smtp.SubmissionServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.BooleanSupplier;

/** What the delivery tests share: settings for a fixture server, a timer, and messages with awkward bytes. */
final class TestUpstream implements AutoCloseable {

    /** Safety bound only: a broken server fails the test instead of hanging it. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * A message written to trip anything that parses or re-encodes: a folded Received header, Bcc and
     * Content-Length (which Jakarta Mail leaves out when it writes a message), raw UTF-8 and Latin-1 header and
     * body bytes, a header without a space after the colon, trailing spaces, dots at line starts and a line
     * holding just a dot.
     */
    static final byte[] AWKWARD_MESSAGE = concat(utf8(
            "Received: from client.example.test (localhost [127.0.0.1])\r\n",
            "\tby hikyaku; Tue, 1 Jan 2030 09:00:00 +0900\r\n",
            "From: =?UTF-8?B?5bGx55SwIOWkqumDjg==?= <taro@example.test>\r\n",
            "To: hanako@example.test,\r\n   jiro@example.test\r\n",
            "Bcc: hidden@example.test\r\n",
            "Content-Length: 9999\r\n",
            "Subject: \u898b\u7a4d\u66f8\u306e\u4ef6 raw UTF-8\r\n",
            "X-Odd:no-space-after-colon\r\n",
            "x-lower-case: yes   \r\n",
            "MIME-Version: 1.0\r\n",
            "Content-Type: text/plain; charset=UTF-8\r\n",
            "Content-Transfer-Encoding: 8bit\r\n",
            "\r\n",
            "\u672c\u6587\u3067\u3059\u3002\r\n",
            ".starts with a dot\r\n",
            "..two dots\r\n",
            ".\r\n",
            "\r\n",
            " \r\n"),
            "Latin-1 body byte: caf\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1),
            utf8("last line\r\n"));

    private final FixtureCa ca;
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "upstream-test-timer");
        thread.setDaemon(true);
        return thread;
    });

    TestUpstream(FixtureCa ca) {
        this.ca = ca;
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Settings for the server, trusting the system CAs and the fixture CA. */
    UpstreamSettings settings(SubmissionServer server, UpstreamSecurity security) {
        return UpstreamSettings.of("127.0.0.1", server.address().getPort(), security,
                        UpstreamTrust.systemCasPlus(List.of(ca.root())))
                .withTimeouts(TIMEOUT, TIMEOUT).withEhloName("gateway.example.test");
    }

    /** A client with the default settings for the server. */
    UpstreamClient client(SubmissionServer server, UpstreamSecurity security) {
        return client(settings(server, security));
    }

    UpstreamClient client(UpstreamSettings settings) {
        return new UpstreamClient(settings, Clock.systemUTC(), timer);
    }

    UpstreamClient client(UpstreamSettings settings, Clock clock) {
        return new UpstreamClient(settings, clock, timer);
    }

    static Path write(Path directory, byte[] content) throws IOException {
        return Files.write(Files.createTempFile(directory, "message", ".eml"), content);
    }

    static DeliveryRequest request(Path file, String... recipients) {
        return new DeliveryRequest(file, "taro@example.test", List.of(recipients), false, false, false,
                Optional.empty());
    }

    static DeliveryRequest request(Path file, Credentials credentials, String... recipients) {
        return new DeliveryRequest(file, "taro@example.test", List.of(recipients), false, false, false,
                Optional.of(credentials));
    }

    static Credentials password(String user, String password) {
        return new Credentials(AuthMechanism.PLAIN, "", user, password.toCharArray());
    }

    /** The strings, one after the other, as UTF-8. */
    static byte[] utf8(String... parts) {
        return String.join("", parts).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Waits for what a server sees on its own threads; the bound only guards against a hang. */
    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), "the server did not get there in time");
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
