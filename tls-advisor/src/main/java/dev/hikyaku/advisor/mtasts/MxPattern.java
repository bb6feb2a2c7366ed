package dev.hikyaku.advisor.mtasts;

import java.util.Locale;

/**
 * One {@code mx:} line of an MTA-STS policy: a host name, or {@code *.} plus a name, where the wildcard stands
 * for exactly one leftmost label (RFC 8461 section 4.1).
 *
 * @param pattern the pattern as written, lower-cased, without a trailing dot
 */
public record MxPattern(String pattern) {

    /** Normalises case and a trailing root dot, which DNS names may carry. */
    public MxPattern {
        pattern = comparable(pattern);
    }

    /** Whether {@code host} (an MX host name) is covered by this pattern. */
    public boolean matches(String host) {
        String name = comparable(host);
        if (!pattern.startsWith("*.")) {
            return name.equals(pattern);
        }
        int firstDot = name.indexOf('.');
        return firstDot > 0 && name.substring(firstDot).equals(pattern.substring(1));
    }

    private static String comparable(String host) {
        String lower = host.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
