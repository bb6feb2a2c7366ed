package dev.hikyaku.advisor.mtasts;

import java.time.Duration;
import java.util.List;

/**
 * A parsed MTA-STS policy file.
 *
 * @param mode   enforce, testing or none
 * @param maxAge how long a sender may cache the policy
 * @param mx     the MX host patterns; empty only in mode none
 */
public record MtaStsPolicy(MtaStsMode mode, Duration maxAge, List<MxPattern> mx) {

    /** Copies the pattern list so the value stays immutable. */
    public MtaStsPolicy {
        mx = List.copyOf(mx);
    }

    /** Whether any {@code mx:} pattern covers {@code host}. */
    public boolean covers(String host) {
        return mx.stream().anyMatch(pattern -> pattern.matches(host));
    }
}
