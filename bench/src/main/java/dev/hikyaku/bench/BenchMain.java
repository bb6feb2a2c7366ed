package dev.hikyaku.bench;

import dev.hikyaku.advisor.store.MemoryVerdictStore;
import dev.hikyaku.advisor.store.SqliteVerdictStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Measures the tls-advisor on the loopback world and prints the figures; asserts nothing about time.
 * Usage: {@code BenchMain [report-file]}; the table goes to standard output and, when given, to the file.
 */
public final class BenchMain {
    private BenchMain() {
    }

    /** Runs the three measurements in the order that keeps the cold probe first in the JVM. */
    public static void main(String[] args) throws Exception {
        Clock clock = Clock.systemUTC();
        Instant started = clock.instant();
        BenchLayout layout = new BenchLayout();
        String table;
        try (BenchWorld world = BenchWorld.start(layout)) {
            ProbeFigures probes = new ProbeComparison(world, clock).run();
            MemoryVerdictStore memory = new MemoryVerdictStore();
            JudgingFigures judging;
            LookupFigures fromMemory;
            LookupFigures fromSqlite;
            try (BenchAdvisor advisor = new BenchAdvisor(world, memory, clock)) {
                judging = new ParallelJudging(world).run(advisor.advisor());
                fromMemory = new CachedLookups(layout).run("MemoryVerdictStore", advisor.advisor());
            }
            fromSqlite = sqliteLookups(world, layout, memory, clock);
            table = FigureTable.render(started, judging, probes, List.of(fromMemory, fromSqlite));
        }
        System.out.print(table);
        if (args.length > 0) {
            Path report = Path.of(args[0]);
            if (report.getParent() != null) {
                Files.createDirectories(report.getParent());
            }
            Files.writeString(report, table);
            System.out.println("written to " + report);
        }
    }

    /** Fills an SQLite store in a temporary file with the judged reports, then times lookups served from it. */
    private static LookupFigures sqliteLookups(BenchWorld world, BenchLayout layout, MemoryVerdictStore judged,
                                               Clock clock) throws Exception {
        Path file = Files.createTempFile("hikyaku-bench-verdicts", ".sqlite");
        try {
            try (SqliteVerdictStore sqlite = SqliteVerdictStore.open(file);
                 BenchAdvisor advisor = new BenchAdvisor(world, sqlite, clock)) {
                Instant now = clock.instant();
                for (BenchLayout.Domain domain : layout.domains()) {
                    judged.find(domain.name(), now).ifPresent(report -> sqlite.save(report, now.plusSeconds(86_400)));
                }
                return new CachedLookups(layout).run("SqliteVerdictStore", advisor.advisor());
            }
        } finally {
            // SQLite's WAL files sit next to the database; remove them with it.
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        }
    }
}
