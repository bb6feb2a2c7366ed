package dev.hikyaku.gateway.guard.confirm;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone ticked one item: the record the engine keeps of who confirmed what, and when.
 *
 * @param item        what was confirmed
 * @param confirmedBy who confirmed it (the user's account name as the app knows it)
 * @param at          when
 */
public record Confirmation(ConfirmItem item, String confirmedBy, Instant at) {

    /** Validated. */
    public Confirmation {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(confirmedBy, "confirmedBy");
        Objects.requireNonNull(at, "at");
        if (confirmedBy.isBlank()) {
            throw new IllegalArgumentException("a confirmation needs someone who gave it");
        }
    }
}
