package dev.hikyaku.gateway.archive;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A copy of a message as actually sent to a group of recipients (as-is, S/MIME, zip...); its bytes are kept
 * and can be exported with {@link Archive#exportVariant}.
 *
 * @param label      the caller's name for the copy, unique per message
 * @param recipients who it was for
 * @param size       its size in bytes
 * @param recordedAt when it was recorded
 */
public record VariantRecord(String label, List<String> recipients, long size, Instant recordedAt) {

    /** Validated record with an unmodifiable list. */
    public VariantRecord {
        Objects.requireNonNull(label, "label");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
