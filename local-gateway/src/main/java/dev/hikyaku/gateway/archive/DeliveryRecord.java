package dev.hikyaku.gateway.archive;

import java.time.Instant;
import java.util.Objects;

/**
 * One delivery event for one recipient, as recorded.
 *
 * @param recipient the address
 * @param status    such as {@code sent}, {@code deferred}, {@code failed}, {@code cancelled} (lower case)
 * @param detail    the upstream reply or reason, or empty
 * @param at        when it happened
 */
public record DeliveryRecord(String recipient, String status, String detail, Instant at) {

    /** Validated record. */
    public DeliveryRecord {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(at, "at");
    }
}
