package dev.hikyaku.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Lays out every figure of one bench run as a compact two-column text table. */
final class FigureTable {
    private static final String ROW = "  %-48s %s";

    private final List<String> lines = new ArrayList<>();

    /** The table for one run that started at {@code started}. */
    static String render(Instant started, JudgingFigures judging, ProbeFigures probes, List<LookupFigures> lookups) {
        FigureTable table = new FigureTable();
        table.header(started);
        table.judging(judging);
        table.probes(probes);
        table.lookups(lookups);
        return String.join(System.lineSeparator(), table.lines) + System.lineSeparator();
    }

    private void header(Instant started) {
        lines.add(String.format(Locale.ROOT, "tls-advisor bench, %s; %d cores, Java %s, %s %s; probe budget %d ms",
                started, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"), BenchAdvisor.BUDGET.toMillis()));
    }

    private void judging(JudgingFigures f) {
        lines.add(String.format(Locale.ROOT, "1. %d domains judged at once, fresh (empty caches)", f.domains()));
        row("total wall time", ms(f.totalNanos()));
        row("slowest domain (" + f.slowestDomain() + ")", ms(f.perDomain().maxNanos()));
        row("median domain", ms(f.perDomain().medianNanos()));
        row("total / slowest (1 = fully parallel)", ratio(f.totalOverSlowest()));
        row("sum of per-domain times / total (speed-up)", ratio(f.speedUp()));
        row("verdicts", f.levels().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
        row("MX connections; peak open per address", f.connections() + "; " + f.peakPerAddress());
    }

    private void probes(ProbeFigures f) {
        lines.add(String.format(Locale.ROOT, "2. one MX probed sequentially, %d runs each: %s", f.ours().count(),
                f.target()));
        row("ours, cold (first probe in this JVM)", ms(f.coldNanos()));
        row("ours, warm median / p90", ms(f.ours().medianNanos()) + " / " + ms(f.ours().percentileNanos(90)));
        row("ours found", f.ourOutcome());
        f.finger().ifPresentOrElse(finger -> {
            row("posttls-finger median / p90 (incl. spawn)",
                    ms(finger.medianNanos()) + " / " + ms(finger.percentileNanos(90)));
            row("ratio ours warm / posttls-finger, median / p90",
                    ratio(f.warmMedianRatio().orElseThrow()) + " / " + ratio(f.warmP90Ratio().orElseThrow()));
            row("ratio ours cold / posttls-finger median", ratio(f.coldRatio().orElseThrow()));
        }, () -> row("posttls-finger", "not measured"));
        row("posttls-finger said", f.fingerSummary());
    }

    private void lookups(List<LookupFigures> all) {
        lines.add(String.format(Locale.ROOT, "3. cached check(domain, false), %d lookups per store",
                all.get(0).lookups().count()));
        for (LookupFigures f : all) {
            row(f.store() + " mean / p99 (misses)", String.format(Locale.ROOT, "%.2f us / %.2f us (%d)",
                    f.lookups().meanNanos() / 1_000, f.lookups().percentileNanos(99) / 1_000.0, f.misses()));
        }
    }

    private void row(String figure, String value) {
        lines.add(String.format(Locale.ROOT, ROW, figure, value));
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1_000_000.0);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
