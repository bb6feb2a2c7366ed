package dev.hikyaku.advisor.evidence;

import dev.hikyaku.advisor.verdict.Verdict;
import java.time.Instant;
import java.util.List;

/**
 * The verdict for one recipient domain with all its evidence: what the app shows, the CLI prints and the cache
 * keeps.
 *
 * @param domain    the domain, lower-case A-labels
 * @param verdict   the verdict
 * @param mx        per-MX evidence, by preference
 * @param mtaSts    the MTA-STS state
 * @param dane      the DANE state
 * @param tlsRpt    the TLS-RPT record text, empty when none
 * @param elapsedMs how long the check took
 * @param checkedAt when it was checked
 */
public record DomainReport(String domain, Verdict verdict, List<MxEvidence> mx, MtaStsEvidence mtaSts,
                           DaneEvidence dane, String tlsRpt, long elapsedMs, Instant checkedAt) {

    /** Copies the MX list. */
    public DomainReport {
        mx = List.copyOf(mx);
    }
}
