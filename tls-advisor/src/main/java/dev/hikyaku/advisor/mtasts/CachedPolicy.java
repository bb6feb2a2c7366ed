package dev.hikyaku.advisor.mtasts;

import java.time.Instant;

/**
 * A policy as fetched, with what decides its reuse.
 *
 * @param id        the TXT id it was fetched under; a new id means fetch again
 * @param policy    the policy
 * @param expiresAt fetch time plus max_age
 */
public record CachedPolicy(String id, MtaStsPolicy policy, Instant expiresAt) {
}
