package dev.hikyaku.advisor.mtasts;

/**
 * The {@code _mta-sts} TXT record of a domain: it says a policy exists and names its version.
 *
 * @param id the policy id; a change tells senders to fetch the policy again
 */
public record MtaStsRecord(String id) {
}
