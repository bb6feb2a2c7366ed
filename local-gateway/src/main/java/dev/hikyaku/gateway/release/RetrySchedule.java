package dev.hikyaku.gateway.release;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try again after the upstream deferred: exponential backoff from {@code first}, doubling up to
 * {@code longest}, until {@code giveUpAfter} has passed since the message was accepted.
 *
 * @param first       the wait after the first failure
 * @param longest     the longest wait between two attempts
 * @param giveUpAfter how long a message may keep trying (5 days by default, like most MTAs)
 */
public record RetrySchedule(Duration first, Duration longest, Duration giveUpAfter) {

    /** One minute, doubling up to an hour, for five days. */
    public static RetrySchedule standard() {
        return new RetrySchedule(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(5));
    }

    /** Validated. */
    public RetrySchedule {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("retry schedule needs 0 < first <= longest and a non-negative limit");
        }
    }

    /** The time of the next attempt after {@code attempts} failed ones, or empty when it is time to give up. */
    public Optional<Instant> next(Instant acceptedAt, int attempts, Instant now) {
        Duration wait = first;
        for (int i = 1; i < attempts && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        if (wait.compareTo(longest) > 0) {
            wait = longest;
        }
        Instant next = now.plus(wait);
        if (next.isAfter(acceptedAt.plus(giveUpAfter))) {
            return Optional.empty();
        }
        return Optional.of(next);
    }
}
