package dev.hikyaku.gateway.archive;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One recipient of an archived message and its latest delivery status.
 *
 * @param recipient the address
 * @param status    the latest recorded status (such as {@code sent}, {@code deferred}, {@code failed},
 *                  {@code cancelled}), or {@link #PENDING} when none was recorded
 * @param detail    the latest status's detail (an SMTP reply, a reason), or empty
 * @param at        when the latest status was recorded, if any was
 */
public record RecipientStatus(String recipient, String status, String detail, Optional<Instant> at) {
    /** The status of a recipient nothing was recorded for yet. */
    public static final String PENDING = "pending";

    /** Validated status. */
    public RecipientStatus {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(at, "at");
    }
}
