package dev.hikyaku.testworld.ca;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The notBefore/notAfter window of a certificate. */
public record Validity(Instant notBefore, Instant notAfter) {

    /** Checks that the window is not inverted. */
    public Validity {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (notAfter.isBefore(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " is before notBefore " + notBefore);
        }
    }

    /** Valid from an hour ago (so small clock skews do not matter) for the given length of time. */
    public static Validity current(Clock clock, Duration length) {
        Instant now = clock.instant();
        return new Validity(now.minus(Duration.ofHours(1)), now.plus(length));
    }

    /** Valid for thirty days, expired yesterday. */
    public static Validity expired(Clock clock) {
        Instant now = clock.instant();
        return new Validity(now.minus(Duration.ofDays(31)), now.minus(Duration.ofDays(1)));
    }

    /** Valid from tomorrow for thirty days. */
    public static Validity notYetValid(Clock clock) {
        Instant now = clock.instant();
        return new Validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(31)));
    }
}
