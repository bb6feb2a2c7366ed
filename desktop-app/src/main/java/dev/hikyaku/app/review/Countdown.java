package dev.hikyaku.app.review;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** The time left until a hold ends, as a clock shows it: {@code 4:59}, {@code 1:02:03}. */
public final class Countdown {
    private Countdown() {
    }

    /** The time from {@code now} to {@code end}, rounded up to whole seconds, never negative. */
    public static String between(Instant now, Instant end) {
        Duration left = Duration.between(now, end);
        if (left.isNegative()) {
            left = Duration.ZERO;
        }
        long seconds = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
                : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }
}
