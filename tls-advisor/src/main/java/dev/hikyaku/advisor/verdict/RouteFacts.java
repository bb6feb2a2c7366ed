package dev.hikyaku.advisor.verdict;

import dev.hikyaku.advisor.mtasts.MtaStsPolicy;
import java.util.List;
import java.util.Optional;

/**
 * What was found about a domain with MX hosts, as the judge needs it.
 *
 * @param mxSecure      the MX records were DNSSEC-validated (full DANE needs it)
 * @param hosts         every MX host, by preference
 * @param policy        the domain's valid MTA-STS policy, if any
 * @param port25Blocked this PC cannot reach port 25 at all
 * @param knownProvider every MX matches the documented list of large providers known to offer TLS
 */
public record RouteFacts(boolean mxSecure, List<MxFacts> hosts, Optional<MtaStsPolicy> policy, boolean port25Blocked,
                         boolean knownProvider) {

    /** Copies the list. */
    public RouteFacts {
        hosts = List.copyOf(hosts);
    }
}
