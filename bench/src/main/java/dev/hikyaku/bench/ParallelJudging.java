package dev.hikyaku.bench;

import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.advisor.route.RecipientDomain;
import dev.hikyaku.advisor.route.RouteAdvisor;
import dev.hikyaku.advisor.verdict.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Judges every bench domain at once with an advisor whose caches are empty, timing each domain and the whole. */
final class ParallelJudging {
    /** Far above what 50 loopback domains with a 2 s budget can need; only a hang would reach it. */
    private static final long PATIENCE_SECONDS = 120;

    private final BenchWorld world;

    ParallelJudging(BenchWorld world) {
        this.world = world;
    }

    /** One domain's report and how long it took from its own check call. */
    private record Timed(DomainReport report, long nanos) {
    }

    JudgingFigures run(RouteAdvisor advisor) throws Exception {
        List<RecipientDomain> domains = world.layout().domains().stream()
                .map(domain -> RecipientDomain.parse(domain.name())).toList();
        int connectionsBefore = world.connections();
        long start = System.nanoTime();
        List<CompletableFuture<Timed>> checks = new ArrayList<>();
        for (RecipientDomain domain : domains) {
            long asked = System.nanoTime();
            checks.add(advisor.check(domain, true).thenApply(report -> new Timed(report, System.nanoTime() - asked)));
        }
        CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        long total = System.nanoTime() - start;
        List<Timed> done = checks.stream().map(CompletableFuture::join).toList();
        Timed slowest = done.stream().max(Comparator.comparingLong(Timed::nanos)).orElseThrow();
        Map<Level, Long> levels = new TreeMap<>();
        done.forEach(timed -> levels.merge(timed.report().verdict().level(), 1L, Long::sum));
        return new JudgingFigures(done.size(), total, new Samples(done.stream().mapToLong(Timed::nanos).toArray()),
                slowest.report().domain(), levels, world.connections() - connectionsBefore,
                world.peakConnectionsPerAddress());
    }
}
