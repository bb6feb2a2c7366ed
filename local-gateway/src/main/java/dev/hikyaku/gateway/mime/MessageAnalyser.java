package dev.hikyaku.gateway.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads a message (RFC 5322 and MIME, as submitted) into a {@link MessageSummary}. Hostile input never makes
 * it throw: whatever it cannot understand becomes a {@link Problem} and the rest is still summarised. It reads
 * the message once, front to back, and holds only the header fields and the (capped) body text in memory, so
 * a 50 MB attachment costs buffers, not 50 MB. Thread-safe: each call is independent.
 */
public final class MessageAnalyser {
    private final AnalysisLimits limits;

    /** An analyser with the given limits. */
    public MessageAnalyser(AnalysisLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** An analyser with {@link AnalysisLimits#DEFAULT}. */
    public MessageAnalyser() {
        this(AnalysisLimits.DEFAULT);
    }

    /** Analyses a message file; throws only when the file cannot be read. */
    public MessageSummary analyse(Path messageFile) throws IOException {
        try (InputStream in = Files.newInputStream(messageFile)) {
            return analyse(in);
        }
    }

    /** Analyses a message read from {@code in} to its end (not closed); throws only when reading fails. */
    public MessageSummary analyse(InputStream in) throws IOException {
        try {
            return new MessageWalk(in, limits).run();
        } catch (MimeStream.ReadFailure e) {
            throw e.getCause();
        }
    }

    /** Analyses a message held in memory; never throws. */
    public MessageSummary analyse(byte[] message) {
        try {
            return analyse(new ByteArrayInputStream(message));
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory failed", e);
        }
    }
}
