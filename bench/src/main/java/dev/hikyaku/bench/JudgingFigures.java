package dev.hikyaku.bench;

import dev.hikyaku.advisor.verdict.Level;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What judging every bench domain at once showed.
 *
 * @param domains          how many domains were judged
 * @param totalNanos       wall time from the first check until the last report
 * @param perDomain        each domain's own time, from its check until its report
 * @param slowestDomain    the domain that took longest
 * @param levels           how many domains got each verdict level
 * @param connections      TCP connections the MX servers accepted while judging
 * @param peakPerAddress   the most connections one MX address ever had open at once
 */
record JudgingFigures(int domains, long totalNanos, Samples perDomain, String slowestDomain, Map<Level, Long> levels,
                      int connections, int peakPerAddress) {

    /** Copies the map, kept in level order for printing. */
    JudgingFigures {
        levels = Collections.unmodifiableMap(new TreeMap<>(levels));
    }

    /** Total over slowest: 1 when the domains cost no more together than the slowest alone. */
    double totalOverSlowest() {
        return (double) totalNanos / perDomain.maxNanos();
    }

    /** Sum of per-domain times over total: how many domains' worth of work ran at once, on average. */
    double speedUp() {
        return (double) perDomain.sumNanos() / totalNanos;
    }
}
