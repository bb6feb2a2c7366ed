package dev.hikyaku.bench.startup;

import dev.hikyaku.bench.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Start-up bench: the desktop app launched from its main class, from process start to a responsive main window
 * with the in-process gateway greeting, and its resident memory, beside a hello-world JavaFX window started the
 * same way; a few rounds, the two alternating. Prints figures and asserts nothing about time (bench/README.md).
 *
 * <p>Argument: the file the table is also written to.
 */
public final class StartupBenchMain {
    private static final int ROUNDS = 5;

    private StartupBenchMain() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        Path report = Path.of(args[0]);
        Path work = Files.createTempDirectory("hikyaku-startup-bench");
        List<StartupRun> hello = new ArrayList<>();
        List<StartupRun> fresh = new ArrayList<>();
        List<StartupRun> again = new ArrayList<>();
        String drawnOn;
        try (VirtualDisplay display = VirtualDisplay.start()) {
            drawnOn = display.describe();
            // One untimed start of each: the OS file cache then holds the jars for every timed one.
            StartupRun.measure(display, List.of("hello"));
            StartupRun.measure(display, hikyaku(work.resolve("warm-up")));
            for (int round = 0; round < ROUNDS; round++) {
                Path data = work.resolve("round-" + round);
                hello.add(StartupRun.measure(display, List.of("hello")));
                fresh.add(StartupRun.measure(display, hikyaku(data)));
                again.add(StartupRun.measure(display, hikyaku(data)));
            }
        } finally {
            deleteTree(work);
        }
        String table = table(drawnOn, hello, fresh, again);
        System.out.print(table);
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, table, StandardCharsets.UTF_8);
    }

    private static List<String> hikyaku(Path data) throws IOException {
        return List.of("hikyaku", data.toString(), Integer.toString(StartupRun.freePort()));
    }

    private static String table(String drawnOn, List<StartupRun> hello, List<StartupRun> fresh,
                                List<StartupRun> again) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "start-up bench, %s; %d cores, Java %s, %s %s; %s", Instant.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"), drawnOn));
        lines.add(String.format(Locale.ROOT, "process start to responsive main window, %d rounds alternating after 1 "
                + "untimed each; median (fastest..slowest)", ROUNDS));
        row(lines, "hello-world JavaFX window: time", ms(hello));
        row(lines, "Hikyaku, fresh data folder: time", ms(fresh));
        row(lines, "Hikyaku, second start, same folder: time", ms(again));
        row(lines, "hello-world: RSS at ready / 2 s later", mib(hello));
        row(lines, "Hikyaku fresh: RSS at ready / 2 s later", mib(fresh));
        row(lines, "Hikyaku second start: RSS at ready / 2 s later", mib(again));
        row(lines, "ratio Hikyaku fresh / hello-world, time", ratio(fresh, hello, StartupRun::millis));
        row(lines, "ratio Hikyaku second start / hello-world, time", ratio(again, hello, StartupRun::millis));
        row(lines, "ratio Hikyaku / hello-world, RSS 2 s later",
                ratio(again, hello, run -> run.rssKibSettled()));
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    private static void row(List<String> lines, String figure, String value) {
        lines.add(String.format(Locale.ROOT, "  %-50s %s", figure, value));
    }

    private static Samples samples(List<StartupRun> runs, ToDoubleFunction<StartupRun> figure) {
        return new Samples(runs.stream().mapToLong(run -> Math.round(figure.applyAsDouble(run) * 1_000)).toArray());
    }

    private static String ms(List<StartupRun> runs) {
        Samples samples = samples(runs, StartupRun::millis);
        return String.format(Locale.ROOT, "%.0f ms (%.0f..%.0f)", samples.medianNanos() / 1_000.0,
                samples.minNanos() / 1_000.0, samples.maxNanos() / 1_000.0);
    }

    private static String mib(List<StartupRun> runs) {
        Samples atReady = samples(runs, StartupRun::rssKibAtReady);
        Samples settled = samples(runs, StartupRun::rssKibSettled);
        return String.format(Locale.ROOT, "%.1f MiB / %.1f MiB", atReady.medianNanos() / 1_000.0 / 1024,
                settled.medianNanos() / 1_000.0 / 1024);
    }

    private static String ratio(List<StartupRun> ours, List<StartupRun> reference,
                                ToDoubleFunction<StartupRun> figure) {
        return String.format(Locale.ROOT, "%.2f", (double) samples(ours, figure).medianNanos()
                / samples(reference, figure).medianNanos());
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
