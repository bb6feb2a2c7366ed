package dev.hikyaku.gateway.archive;

import java.time.Instant;
import java.util.Objects;

/**
 * The TLS verdict recorded for one recipient domain of a message (the latest one recorded).
 *
 * @param domain     the recipient domain
 * @param level      the verdict level as the advisor names it
 * @param reason     why, as recorded
 * @param recordedAt when it was recorded
 */
public record VerdictRecord(String domain, String level, String reason, Instant recordedAt) {

    /** Validated record. */
    public VerdictRecord {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
