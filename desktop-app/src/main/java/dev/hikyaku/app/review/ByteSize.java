package dev.hikyaku.app.review;

import java.util.Locale;

/** A size in bytes as people read it: {@code 812 B}, {@code 1.2 KB}, {@code 3.4 MB}. */
public final class ByteSize {
    private static final long KILO = 1024;

    private ByteSize() {
    }

    /** {@code bytes} in the largest unit that keeps a number of at least 1. */
    public static String of(long bytes) {
        if (bytes < KILO) {
            return bytes + " B";
        }
        if (bytes < KILO * KILO) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / (double) KILO);
        }
        if (bytes < KILO * KILO * KILO) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (KILO * KILO));
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (KILO * KILO * KILO));
    }
}
