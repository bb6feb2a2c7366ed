package dev.hikyaku.bench.relay;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The load: smtp-source sends 2,000 messages of 100 KB over 10 concurrent sessions through one relay,
 * timed from smtp-source's start until the sink has counted all 2,000. A smaller untimed load of the same shape
 * warms a relay up first, so neither is measured while it starts processes or compiles code.
 */
final class LoadRun {
    static final int SESSIONS = 10;
    static final int MESSAGES = 2_000;
    static final int MESSAGE_BYTES = 100 * 1024;
    static final int WARM_UP_MESSAGES = 200;
    static final String RECIPIENT = "sink@sink.bench.test";
    /** Generous: at 10 messages per second the load still fits. */
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final SmtpSource source;
    private final SmtpSink sink;

    LoadRun(SmtpSource source, SmtpSink sink) {
        this.source = source;
        this.sink = sink;
    }

    /** The port of the sink every relay measured with this load must deliver to. */
    int sinkPort() {
        return sink.port();
    }

    /** Sends the untimed warm-up through the relay on {@code port}; empty when it all arrived, else why not. */
    Optional<String> warmUp(int port) throws IOException, InterruptedException {
        Sent sent = send(port, WARM_UP_MESSAGES);
        return sent.arrivedAt().isPresent() ? Optional.empty() : Optional.of("warm-up: " + sent.reason());
    }

    /** Times one load through the relay on {@code port}. */
    LoadRound timed(int port) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Sent sent = send(port, MESSAGES);
        if (sent.arrivedAt().isEmpty()) {
            return new LoadRound.Failed(sent.reason());
        }
        return new LoadRound.Timed(sent.exitedAt() - start, sent.arrivedAt().getAsLong() - start);
    }

    /** One smtp-source run and what the sink saw of it. */
    private record Sent(SmtpSource.Result result, long exitedAt, OptionalLong arrivedAt, long arrived, int expected) {
        String reason() {
            if (!result.succeeded()) {
                return result.failure() + "; " + arrived + " of " + expected + " at the sink";
            }
            return "the sink got " + arrived + " of " + expected + " within " + TIMEOUT.toMinutes() + " min";
        }
    }

    private Sent send(int port, int messages) throws IOException, InterruptedException {
        long before = sink.messages();
        SmtpSource.Result result = source.load(port, SESSIONS, messages, MESSAGE_BYTES, RECIPIENT, TIMEOUT);
        long exitedAt = System.nanoTime();
        OptionalLong arrivedAt = result.succeeded()
                ? sink.awaitMessages(before + messages, TIMEOUT) : OptionalLong.empty();
        return new Sent(result, exitedAt, arrivedAt, sink.messages() - before, messages);
    }
}
