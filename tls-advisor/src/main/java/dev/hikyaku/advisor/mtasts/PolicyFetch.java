package dev.hikyaku.advisor.mtasts;

/** The result of fetching a policy file over HTTPS. */
public sealed interface PolicyFetch {

    /** The server returned the policy text. */
    record Fetched(String body) implements PolicyFetch {
    }

    /** The fetch failed; for MTA-STS that is an error to report, never "no policy". */
    record Failed(String reason) implements PolicyFetch {
    }
}
