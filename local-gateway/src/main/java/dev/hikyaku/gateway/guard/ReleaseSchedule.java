package dev.hikyaku.gateway.guard;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When each recipient of a message may leave, after hold and staged delivery, and which the sender cancelled.
 * A value: send-now and cancel give a new schedule.
 *
 * @param dueAt     each envelope recipient's release time, in envelope order; empty for a refused message
 * @param cancelled the recipients the sender cancelled
 */
public record ReleaseSchedule(Map<String, Instant> dueAt, Set<String> cancelled) {

    /** Unmodifiable, order kept; a cancelled recipient must be scheduled. */
    public ReleaseSchedule {
        dueAt = Collections.unmodifiableMap(new LinkedHashMap<>(dueAt));
        cancelled = Collections.unmodifiableSet(new LinkedHashSet<>(cancelled));
        if (!dueAt.keySet().containsAll(cancelled)) {
            throw new IllegalArgumentException("cancelled recipients must be scheduled");
        }
    }

    /** Nothing to send (a refused message). */
    public static ReleaseSchedule none() {
        return new ReleaseSchedule(Map.of(), Set.of());
    }

    /** The recipients not cancelled whose time has come at {@code now}, in envelope order. */
    public List<String> dueBy(Instant now) {
        return dueAt.entrySet().stream().filter(entry -> !cancelled.contains(entry.getKey()))
                .filter(entry -> !entry.getValue().isAfter(now)).map(Map.Entry::getKey).toList();
    }

    /** The recipients not cancelled that still wait at {@code now}, in envelope order. */
    public List<String> waitingAt(Instant now) {
        return dueAt.entrySet().stream().filter(entry -> !cancelled.contains(entry.getKey()))
                .filter(entry -> entry.getValue().isAfter(now)).map(Map.Entry::getKey).toList();
    }

    /** The next release time after {@code now} of a recipient not cancelled, if one still waits. */
    public Optional<Instant> nextAfter(Instant now) {
        return waitingAt(now).stream().map(dueAt::get).min(Instant::compareTo);
    }

    /** The sender's "send now": whatever still waits is due at {@code now}. */
    public ReleaseSchedule sendNow(Instant now) {
        Map<String, Instant> due = new LinkedHashMap<>(dueAt);
        waitingAt(now).forEach(recipient -> due.put(recipient, now));
        return new ReleaseSchedule(due, cancelled);
    }

    /** The sender's "cancel": whatever still waits at {@code now} will not be sent (what was due has gone). */
    public ReleaseSchedule cancelWaiting(Instant now) {
        return cancel(waitingAt(now));
    }

    /** These recipients will not be sent. */
    public ReleaseSchedule cancel(Collection<String> recipients) {
        Set<String> all = new LinkedHashSet<>(cancelled);
        all.addAll(recipients);
        return new ReleaseSchedule(dueAt, all);
    }
}
