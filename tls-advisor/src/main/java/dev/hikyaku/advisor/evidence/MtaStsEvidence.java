package dev.hikyaku.advisor.evidence;

import java.util.List;

/**
 * The domain's MTA-STS state.
 *
 * @param state         none, policy, invalid or fetch_error
 * @param id            the TXT record's policy id, empty when none
 * @param mode          enforce, testing or none; empty without a policy
 * @param maxAgeSeconds the policy's max_age, 0 without a policy
 * @param mx            the policy's mx patterns
 * @param error         what was wrong, for invalid and fetch_error
 */
public record MtaStsEvidence(String state, String id, String mode, long maxAgeSeconds, List<String> mx, String error) {

    /** Copies the patterns. */
    public MtaStsEvidence {
        mx = List.copyOf(mx);
    }
}
