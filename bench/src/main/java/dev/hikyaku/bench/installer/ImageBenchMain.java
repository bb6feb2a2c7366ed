package dev.hikyaku.bench.installer;

import dev.hikyaku.bench.Samples;
import dev.hikyaku.testworld.dns.DnsWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures the packaged app beside a plain {@code java -jar}: the app image's size on disk (and its parts), the
 * .deb's size, and the start-up time of the image's gateway ({@code bin/hikyaku gateway run}) until its SMTP port
 * greets, beside {@code java -jar local-gateway.jar run} started the same way; medians of alternating rounds,
 * nothing asserted about time. Usage: {@code ImageBenchMain IMAGE_DIR PACKAGE_DIR LOCAL_GATEWAY_JAR [report-file]}.
 */
public final class ImageBenchMain {
    private static final int WARM_UP = 1;
    private static final int ROUNDS = 7;
    private static final String ROW = "  %-60s %s";

    private ImageBenchMain() {
    }

    /** Runs the measurements and prints the table; writes it to the report file too when one is given. */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ImageBenchMain IMAGE_DIR PACKAGE_DIR LOCAL_GATEWAY_JAR [report-file]");
            System.exit(2);
        }
        Path image = Path.of(args[0]);
        Path packages = Path.of(args[1]);
        Path jar = Path.of(args[2]);
        Path cli = image.resolve("bin").resolve(Files.exists(image.resolve("bin/hikyaku")) ? "hikyaku" : "hikyaku-cli");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "app image bench, %s; %d cores, Java %s (%s), %s %s",
                Clock.systemUTC().instant(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"),
                System.getProperty("os.arch")));
        lines.add("1. size on disk");
        lines.add(row("app image " + image.getFileName() + "/ (runtime + app + launchers)", mib(size(image))));
        lines.add(row("  of which lib/runtime (jlink: JDK modules + JavaFX)", mib(size(image.resolve("lib/runtime")))));
        lines.add(row("  of which lib/app (the app in one jar)", mib(size(image.resolve("lib/app")))));
        for (Path deb : packagesOf(packages)) {
            lines.add(row(deb.getFileName().toString(), mib(Files.size(deb))));
        }
        lines.add(row("plain java -jar: local-gateway.jar (needs a JDK/JRE)", mib(Files.size(jar))));
        lines.add(row("  the JDK it runs on (" + System.getProperty("java.home") + ")",
                mib(size(Path.of(System.getProperty("java.home"))))));

        Path work = Files.createTempDirectory("hikyaku-image-bench");
        try (DnsWorld dns = DnsWorld.start()) {
            GatewayStart imageStart = new GatewayStart(List.of(cli.toString(), "gateway", "run"),
                    work.resolve("image-data"), work.resolve("image.log"), dns.port());
            GatewayStart jarStart = new GatewayStart(List.of(java.toString(), "-jar", jar.toString(), "run"),
                    work.resolve("jar-data"), work.resolve("jar.log"), dns.port());
            for (int i = 0; i < WARM_UP; i++) {
                imageStart.once();
                jarStart.once();
            }
            List<StartFigures> image1 = new ArrayList<>();
            List<StartFigures> jar1 = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                // Alternating, and each side first in turn, so a busy moment of the machine hits both alike.
                if (i % 2 == 0) {
                    image1.add(imageStart.once());
                    jar1.add(jarStart.once());
                } else {
                    jar1.add(jarStart.once());
                    image1.add(imageStart.once());
                }
            }
            lines.add("2. start-up until the SMTP port greets (220), an existing data folder, median of " + ROUNDS
                    + " alternating rounds after " + WARM_UP + " untimed");
            Samples imageWall = StartFigures.wall(image1);
            Samples jarWall = StartFigures.wall(jar1);
            lines.add(row("image: bin/" + cli.getFileName() + " gateway run, ms (fastest..slowest)", range(imageWall)));
            lines.add(row("java -jar local-gateway.jar run, ms (fastest..slowest)", range(jarWall)));
            lines.add(row("ratio image / java -jar, median (<1: faster)",
                    String.format(Locale.ROOT, "%.2f", (double) imageWall.medianNanos() / jarWall.medianNanos())));
            StartFigures.cpu(image1).ifPresent(cpu -> lines.add(row("image: CPU time until ready, ms", range(cpu))));
            StartFigures.cpu(jar1).ifPresent(cpu -> lines.add(row("java -jar: CPU time until ready, ms", range(cpu))));
        } finally {
            deleteTree(work);
        }

        String table = String.join("\n", lines) + "\n";
        System.out.print(table);
        if (args.length > 3) {
            Path report = Path.of(args[3]);
            Files.createDirectories(report.toAbsolutePath().getParent());
            Files.writeString(report, table);
            System.out.println("written to " + report);
        }
    }

    private static List<Path> packagesOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().matches(".*\\.(deb|msi|dmg)"))
                    .sorted().toList();
        }
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    private static String row(String label, String value) {
        return String.format(Locale.ROOT, ROW, label, value);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1024.0 / 1024.0);
    }

    private static String range(Samples samples) {
        return String.format(Locale.ROOT, "%d (%d..%d)", samples.medianNanos() / 1_000_000,
                samples.minNanos() / 1_000_000, samples.maxNanos() / 1_000_000);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
