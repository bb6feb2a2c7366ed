package dev.hikyaku.advisor.mtasts;

/** What a domain's MTA-STS amounts to right now. */
public sealed interface MtaStsFinding {

    /** The domain publishes no MTA-STS record (and no cached policy is still valid). */
    record NoPolicy() implements MtaStsFinding {
    }

    /**
     * A valid policy applies.
     *
     * @param id        the policy id it was fetched under
     * @param fromCache true when a cached copy was used (the id had not changed, or a refresh failed)
     */
    record Valid(String id, MtaStsPolicy policy, boolean fromCache) implements MtaStsFinding {
    }

    /** The TXT record or the policy file breaks the grammar: no usable policy, reported as such. */
    record Invalid(String reason) implements MtaStsFinding {
    }

    /** DNS or HTTPS failed: never silently "no policy". */
    record FetchError(String reason) implements MtaStsFinding {
    }
}
