package dev.hikyaku.app.queue;

import dev.hikyaku.gateway.Gateway;
import dev.hikyaku.gateway.queue.QueueEntry;
import dev.hikyaku.gateway.queue.RecipientState;
import dev.hikyaku.gateway.queue.RecipientStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Reads the queue section's rows: every queued message by its most pressing state, then the recent failures. */
final class QueueLoader {
    private static final Set<RecipientState> CANCELLABLE = Set.of(RecipientState.ACCEPTED, RecipientState.AWAITING,
            RecipientState.HELD, RecipientState.OVERDUE);

    private QueueLoader() {
    }

    /** The rows at {@code now}, by section; {@code subjects} caches the subjects already read from the archive. */
    static List<QueueRow> load(Gateway gateway, Instant now, Map<String, String> subjects) throws IOException {
        List<QueueRow> rows = new ArrayList<>();
        Set<String> queued = new HashSet<>();
        for (QueueEntry entry : gateway.queue()) {
            queued.add(entry.message().id());
            Optional<QueueGroup> group = QueueGroup.of(entry, now);
            // Hikyaku's own notices to the sender leave at once and are not the user's mail.
            if (group.isPresent() && !entry.message().notice()) {
                rows.add(row(gateway, entry, group.get(), now, subjects));
            }
        }
        rows.addAll(RecentFailures.rows(gateway.archive(), now, queued));
        rows.sort(Comparator.comparing(QueueRow::group));
        return rows;
    }

    private static QueueRow row(Gateway gateway, QueueEntry entry, QueueGroup group, Instant now,
                                Map<String, String> subjects) throws IOException {
        String id = entry.message().id();
        String subject = subjects.get(id);
        if (subject == null) {
            Optional<String> found = gateway.archive().find(id).map(archived -> archived.summary().subject());
            found.ifPresent(known -> subjects.put(id, known));
            subject = found.orElse("");
        }
        List<RecipientStatus> recipients = entry.recipients();
        Optional<RecipientStatus> focus = switch (group) {
            case HELD -> latest(recipients, r -> r.state() == RecipientState.HELD && r.dueAt().isAfter(now));
            case RETRYING -> recipients.stream().filter(r -> r.state() == RecipientState.HELD && r.attempts() > 0)
                    .min(Comparator.comparing(RecipientStatus::dueAt));
            case OVERDUE -> latest(recipients, r -> r.state() == RecipientState.OVERDUE);
            case FAILED -> recipients.stream().filter(r -> r.state() == RecipientState.FAILED).findFirst();
            default -> Optional.empty();
        };
        int attempts = recipients.stream().mapToInt(RecipientStatus::attempts).max().orElse(0);
        boolean sendable = recipients.stream()
                .anyMatch(r -> r.state() == RecipientState.HELD || r.state() == RecipientState.OVERDUE);
        boolean cancellable = recipients.stream().anyMatch(r -> CANCELLABLE.contains(r.state()));
        return new QueueRow(id, group, subject, entry.message().recipients(), focus.map(RecipientStatus::dueAt),
                attempts, focus.map(RecipientStatus::detail).orElse(""), true, sendable, cancellable);
    }

    private static Optional<RecipientStatus> latest(List<RecipientStatus> recipients, Predicate<RecipientStatus> test) {
        return recipients.stream().filter(test).max(Comparator.comparing(RecipientStatus::dueAt));
    }
}
