package dev.hikyaku.app.queue;

import dev.hikyaku.gateway.archive.Archive;
import dev.hikyaku.gateway.archive.ArchiveEntry;
import dev.hikyaku.gateway.archive.ArchiveQuery;
import dev.hikyaku.gateway.archive.RecipientStatus;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The messages that failed lately: a finished message leaves the queue for the archive at once, so the queue
 * section finds its failures there.
 */
final class RecentFailures {
    /** How far back failures are listed. */
    static final Duration SINCE = Duration.ofDays(3);
    private static final int MOST = 100;
    private static final String FAILED = "failed";

    private RecentFailures() {
    }

    /** Rows for the archived messages received since {@link #SINCE} with a failed recipient, but those in {@code queued}. */
    static List<QueueRow> rows(Archive archive, Instant now, Set<String> queued) throws IOException {
        ArchiveQuery recent = ArchiveQuery.all().receivedBetween(now.minus(SINCE), now.plusSeconds(60)).page(MOST, 0);
        List<QueueRow> rows = new ArrayList<>();
        for (ArchiveEntry archived : archive.search(recent)) {
            Optional<RecipientStatus> failed = archived.recipients().stream()
                    .filter(recipient -> FAILED.equals(recipient.status())).findFirst();
            if (failed.isPresent() && !queued.contains(archived.id())) {
                rows.add(new QueueRow(archived.id(), QueueGroup.FAILED, archived.subject(),
                        archived.recipients().stream().map(RecipientStatus::recipient).toList(), failed.get().at(), 0,
                        failed.get().detail(), false, false, false));
            }
        }
        return rows;
    }
}
