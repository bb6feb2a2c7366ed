package dev.hikyaku.app.report;

import dev.hikyaku.gateway.archive.Archive;
import dev.hikyaku.gateway.archive.ArchiveEntry;
import dev.hikyaku.gateway.archive.ArchiveQuery;
import dev.hikyaku.gateway.archive.ArchivedMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the routes of the user's sent mail out of the archive, page by page. */
public final class ArchiveRoutes {
    private ArchiveRoutes() {
    }

    /** Every recipient sent to among the messages received in {@code [from, before)}. */
    public static List<SentRoute> read(Archive archive, Instant from, Instant before) throws IOException {
        List<SentRoute> routes = new ArrayList<>();
        ArchiveQuery query = ArchiveQuery.all().receivedBetween(from, before);
        for (int offset = 0; ; offset += ArchiveQuery.MAX_LIMIT) {
            List<ArchiveEntry> page = archive.search(query.page(ArchiveQuery.MAX_LIMIT, offset));
            for (ArchiveEntry entry : page) {
                // The list already tells who was sent to: only those messages are opened for their verdicts.
                if (entry.recipients().stream().anyMatch(recipient -> "sent".equals(recipient.status()))) {
                    Optional<ArchivedMessage> message = archive.find(entry.id());
                    message.ifPresent(found -> routes.addAll(SentRoute.of(found)));
                }
            }
            if (page.size() < ArchiveQuery.MAX_LIMIT) {
                return routes;
            }
        }
    }
}
