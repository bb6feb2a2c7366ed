package dev.hikyaku.gateway.guard;

import java.time.Duration;

/**
 * Sends to internal and partner recipients first and to external ones {@code delay} later, so a mistake the
 * colleagues notice can still be cancelled for the outside world.
 *
 * @param on    the switch
 * @param delay how long after the internal part the external part leaves
 */
public record StageRule(boolean on, Duration delay) {

    /** Validated. */
    public StageRule {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay");
        }
    }
}
