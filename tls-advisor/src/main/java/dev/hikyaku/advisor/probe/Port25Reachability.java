package dev.hikyaku.advisor.probe;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Learns from the probes themselves whether this PC can reach port 25 at all, once for all domains: many
 * Japanese ISPs block outbound port 25 (OP25B), and then every MX looks dead. Blocked means no MX has ever
 * greeted us while at least {@code threshold} distinct MX hosts stayed silent.
 */
public final class Port25Reachability {
    private final int threshold;
    private final AtomicBoolean anyAnswered = new AtomicBoolean();
    private final Set<String> silentHosts = ConcurrentHashMap.newKeySet();

    /** A detector that calls port 25 blocked after {@code threshold} silent MX hosts and no answering one. */
    public Port25Reachability(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.threshold = threshold;
    }

    /** Records a finished host probe. */
    public void record(HostProbe probe) {
        boolean answered = probe.attempts().stream()
                .anyMatch(attempt -> !(attempt.outcome() instanceof ProbeOutcome.NoAnswer));
        if (answered) {
            anyAnswered.set(true);
        } else if (!probe.attempts().isEmpty()) {
            silentHosts.add(probe.host());
        }
    }

    /** Whether everything seen so far says port 25 is blocked from here. */
    public boolean blocked() {
        return !anyAnswered.get() && silentHosts.size() >= threshold;
    }
}
