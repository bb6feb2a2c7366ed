package dev.hikyaku.bench.relay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Sends the large message through one relay to the dumping sink, times it until the sink has counted it, and
 * checks the sink's copy against what was sent.
 */
final class BigMessageRun {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final SmtpSource source;
    private final SmtpSink sink;
    private final Path dumpDirectory;
    private final BigMessage message;

    /** {@code sink} writes each message it receives to a file of its own in {@code dumpDirectory}. */
    BigMessageRun(SmtpSource source, SmtpSink sink, Path dumpDirectory, BigMessage message) {
        this.source = source;
        this.sink = sink;
        this.dumpDirectory = dumpDirectory;
        this.message = message;
    }

    BigFigures run(int port) throws IOException, InterruptedException {
        long before = sink.messages();
        long start = System.nanoTime();
        SmtpSource.Result result = source.send(message.file(), port, BigMessage.RECIPIENT, TIMEOUT);
        if (!result.succeeded()) {
            return new BigFigures.NotMeasured(result.failure());
        }
        OptionalLong arrived = sink.awaitMessages(before + 1, TIMEOUT);
        if (arrived.isEmpty()) {
            return new BigFigures.NotMeasured("the sink did not get it within " + TIMEOUT.toMinutes() + " min");
        }
        List<Path> copies;
        try (Stream<Path> files = Files.list(dumpDirectory)) {
            copies = files.toList();
        }
        try {
            if (copies.size() != 1) {
                return new BigFigures.NotMeasured("expected one copy at the sink, found " + copies.size());
            }
            Path copy = copies.get(0);
            boolean intact = MimePartsDigest.of(copy, BigMessage.BOUNDARY)
                    .map(digest -> MessageDigest.isEqual(digest, message.partsDigest())).orElse(false);
            return new BigFigures.Delivered(arrived.getAsLong() - start, Files.size(copy), intact);
        } finally {
            for (Path copy : copies) {
                Files.deleteIfExists(copy);
            }
        }
    }
}
