package dev.hikyaku.app.queue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How many messages each section holds, for the tray's tooltip and notifications.
 *
 * @param bySection messages per section
 */
public record QueueCounts(Map<QueueGroup, Integer> bySection) {
    /** Unmodifiable copy with every section present. */
    public QueueCounts {
        Map<QueueGroup, Integer> all = new EnumMap<>(QueueGroup.class);
        for (QueueGroup group : QueueGroup.values()) {
            all.put(group, bySection.getOrDefault(group, 0));
        }
        bySection = Map.copyOf(all);
    }

    /** Nothing queued. */
    public static QueueCounts none() {
        return new QueueCounts(Map.of());
    }

    /** The counts of {@code rows}. */
    public static QueueCounts of(List<QueueRow> rows) {
        Map<QueueGroup, Integer> counts = new EnumMap<>(QueueGroup.class);
        rows.forEach(row -> counts.merge(row.group(), 1, Integer::sum));
        return new QueueCounts(counts);
    }

    /** Messages in {@code section}. */
    public int of(QueueGroup section) {
        return bySection.get(section);
    }

    /** Messages the user has to act on: waiting for them, overdue, or failed. */
    public int needingAttention() {
        return of(QueueGroup.AWAITING) + of(QueueGroup.OVERDUE) + of(QueueGroup.FAILED);
    }
}
