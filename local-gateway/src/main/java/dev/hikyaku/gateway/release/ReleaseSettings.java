package dev.hikyaku.gateway.release;

import java.time.Duration;
import java.util.Objects;

/**
 * How the queue lets mail go once it is due (when it is due is the guards' business: hold and staged delivery).
 *
 * @param overdueAfter  how late a message may wake up and still leave without asking
 * @param overdue       what to do with mail later than that
 * @param retries       the retry schedule for deferred recipients
 * @param requireTls    whether to ask the upstream for REQUIRETLS for recipients on authenticated routes
 * @param verdictWait   the longest a release waits for a recipient domain's verdict before going without it
 * @param parallel      how many deliveries run at once (the upstream connections in use)
 * @param recheck       the longest the queue sleeps before it looks at the clock again: a PC that slept or a
 *                      clock that was set wakes no timer, so held mail is never late by more than this
 */
public record ReleaseSettings(Duration overdueAfter, OverduePolicy overdue, RetrySchedule retries,
                              boolean requireTls, Duration verdictWait, int parallel, Duration recheck) {

    /** Ask after a day, the standard retries, REQUIRETLS where it is a guarantee, 4 at once. */
    public static ReleaseSettings standard() {
        return new ReleaseSettings(Duration.ofDays(1), OverduePolicy.ASK, RetrySchedule.standard(), true,
                Duration.ofSeconds(15), 4, Duration.ofSeconds(30));
    }

    /** Validated. */
    public ReleaseSettings {
        Objects.requireNonNull(overdue, "overdue");
        Objects.requireNonNull(retries, "retries");
        if (overdueAfter.isNegative() || verdictWait.isNegative() || parallel < 1 || recheck.isNegative()
                || recheck.isZero()) {
            throw new IllegalArgumentException("release settings must not be negative, and parallel at least 1");
        }
    }
}
