package dev.hikyaku.gateway.guard;

import java.time.Duration;
import java.util.Objects;

/**
 * Keeps mail back for a while, so the sender can still cancel it or send it at once.
 *
 * @param on    the switch
 * @param delay how long mail waits
 * @param scope every message, or only messages to (and only the) external recipients
 */
public record HoldRule(boolean on, Duration delay, GuardScope scope) {

    /** Validated. */
    public HoldRule {
        Objects.requireNonNull(scope, "scope");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay");
        }
    }
}
