package dev.hikyaku.app.review;

import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.advisor.store.SqliteVerdictStore;
import dev.hikyaku.advisor.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * Reports from the verdict cache the gateway shares with the app ({@code verdicts.db} in the data folder, SQLite in
 * WAL mode so reading does not stop the gateway). Opened per look-up: the review asks rarely, and nothing is left
 * open when the app quits.
 */
public final class VerdictCacheReports implements ReportLookup {
    /** The cache's file name in the data folder, as the gateway names it. */
    public static final String FILE_NAME = "verdicts.db";

    private final Path file;
    private final Clock clock;

    /** Reports from the cache in {@code dataDirectory}, current at {@code clock}'s time. */
    public VerdictCacheReports(Path dataDirectory, Clock clock) {
        this.file = dataDirectory.resolve(FILE_NAME);
        this.clock = clock;
    }

    @Override
    public Optional<DomainReport> report(String domain) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (SqliteVerdictStore store = SqliteVerdictStore.open(file)) {
            return store.find(domain, clock.instant());
        } catch (SQLException | StoreException e) {
            // The cache only adds the evidence: without it the review shows the level from the plan.
            return Optional.empty();
        }
    }
}
