package dev.hikyaku.bench;

import java.util.Optional;

/**
 * Sequential probes of one MX by our probe and by posttls-finger.
 *
 * @param target        the MX host and address probed
 * @param coldNanos     our very first probe in this JVM: class loading, JIT and TLS set-up included
 * @param ours          our probes after the JVM was warmed up
 * @param ourOutcome    what our last probe found, to show it did the full STARTTLS handshake
 * @param finger        posttls-finger's runs, process start-up included; empty when it is not installed
 * @param fingerSummary what posttls-finger's last run said, or why it did not run
 */
record ProbeFigures(String target, long coldNanos, Samples ours, String ourOutcome, Optional<Samples> finger,
                    String fingerSummary) {

    /** Our warm median over posttls-finger's median: below 1 means ours is faster. */
    Optional<Double> warmMedianRatio() {
        return finger.map(runs -> (double) ours.medianNanos() / runs.medianNanos());
    }

    /** Our warm p90 over posttls-finger's p90. */
    Optional<Double> warmP90Ratio() {
        return finger.map(runs -> (double) ours.percentileNanos(90) / runs.percentileNanos(90));
    }

    /** Our cold first probe over posttls-finger's median: both then pay for starting up. */
    Optional<Double> coldRatio() {
        return finger.map(runs -> (double) coldNanos / runs.medianNanos());
    }
}
