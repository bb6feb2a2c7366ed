package dev.hikyaku.bench.zip;

import dev.hikyaku.bench.Samples;
import dev.hikyaku.gateway.mime.AnalysisLimits;
import dev.hikyaku.gateway.packaging.HeaderTreatment;
import dev.hikyaku.gateway.packaging.MessagePackager;
import dev.hikyaku.gateway.packaging.PackagingAction;
import dev.hikyaku.gateway.packaging.PackagingException;
import dev.hikyaku.gateway.packaging.PassphraseSource;
import dev.hikyaku.gateway.packaging.note.NoteTemplates;
import dev.hikyaku.gateway.packaging.passphrase.Passphrase;
import dev.hikyaku.gateway.packaging.passphrase.PassphraseGenerator;
import dev.hikyaku.gateway.packaging.zip.ZipOptions;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Measures AES-256 zip packaging of one 25 MiB attachment: Hikyaku's ZipWriter beside the {@code 7z} tool and
 * Zip4j's own writer on the same file, deflated and stored, and the whole MessagePackager on a message carrying
 * that attachment; prints medians and ratios and asserts nothing about time.
 * Usage: {@code ZipBenchMain [report-file]}.
 */
public final class ZipBenchMain {
    private static final int WARM_UP = 2;
    private static final int ROUNDS = 7;
    private static final String PASSWORD = "k7qm-2xhe-9taw-p4cz-r3nd-w8fy";
    private static final String ROW = "  %-58s %s";

    private final Path work;
    private final Path attachment;
    private final List<String> lines = new ArrayList<>();

    private ZipBenchMain(Path work, Path attachment) {
        this.work = work;
        this.attachment = attachment;
    }

    /** Runs every measurement and prints the table; writes it to the file given as the first argument too. */
    public static void main(String[] args) throws Exception {
        Instant started = Clock.systemUTC().instant();
        Path work = Files.createTempDirectory("hikyaku-zip-bench");
        String table;
        try {
            ZipBenchMain bench = new ZipBenchMain(work, BenchAttachment.write(work));
            table = bench.measure(started);
        } finally {
            deleteTree(work);
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

    private String measure(Instant started) throws IOException, InterruptedException {
        lines.add(String.format(Locale.ROOT, "AES-256 zip bench, %s; %d cores, Java %s (%s), %s %s", started,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch")));
        List<Archiver> archivers = new ArrayList<>(List.of(new Archiver.Ours()));
        if (Archiver.SevenZip.installed()) {
            archivers.add(new Archiver.SevenZip());
        }
        archivers.add(new Archiver.Zip4j());
        int part = 1;
        for (boolean store : List.of(false, true)) {
            lines.add(String.format(Locale.ROOT, "%d. one %d MiB attachment (7/8 random, 1/8 text) into an AE-2"
                            + " AES-256 zip, %s; median of %d rounds after %d untimed, tools alternating", part++,
                    BenchAttachment.SIZE >> 20, store ? "stored (-mx0, level 0): encryption dominates"
                            : "deflated (7z default -mx5, ours level 6, Zip4j NORMAL)", ROUNDS, WARM_UP));
            report(archivers, compare(archivers, store));
        }
        if (!Archiver.SevenZip.installed()) {
            row("7z", "not measured: 7z is not installed (Debian: apt-get install p7zip-full)");
        }
        packager(part);
        return String.join("\n", lines) + "\n";
    }

    /** One mode's figures: each archiver's samples and zip size, and whether 7z accepts our archive. */
    private record Comparison(Map<String, Samples> samples, Map<String, Long> sizes, Optional<Boolean> verified) {
    }

    private Comparison compare(List<Archiver> archivers, boolean store) throws IOException, InterruptedException {
        Map<String, long[]> nanos = new LinkedHashMap<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        Optional<Boolean> verified = Optional.empty();
        archivers.forEach(archiver -> nanos.put(archiver.name(), new long[ROUNDS]));
        for (int round = -WARM_UP; round < ROUNDS; round++) {
            for (int i = 0; i < archivers.size(); i++) {
                // Each round starts with another tool, so none always runs on a cache the previous one warmed.
                Archiver archiver = archivers.get(Math.floorMod(i + round, archivers.size()));
                Path zip = work.resolve("out.zip");
                Files.deleteIfExists(zip);
                long start = System.nanoTime();
                archiver.pack(attachment, zip, PASSWORD, store);
                long took = System.nanoTime() - start;
                if (round < 0) {
                    continue;
                }
                nanos.get(archiver.name())[round] = took;
                sizes.put(archiver.name(), Files.size(zip));
                if (round == 0 && archiver instanceof Archiver.Ours && Archiver.SevenZip.installed()) {
                    verified = Optional.of(sevenZipAccepts(zip));
                }
            }
        }
        Map<String, Samples> samples = new LinkedHashMap<>();
        nanos.forEach((name, values) -> samples.put(name, new Samples(values)));
        return new Comparison(samples, sizes, verified);
    }

    private void report(List<Archiver> archivers, Comparison comparison) {
        for (Archiver archiver : archivers) {
            Samples s = comparison.samples().get(archiver.name());
            row(archiver.name() + ": ms median (fastest..slowest)", String.format(Locale.ROOT,
                    "%.0f (%.0f..%.0f); %.0f MiB/s; zip %d bytes", millis(s.medianNanos()), millis(s.minNanos()),
                    millis(s.maxNanos()), mibPerSecond(s.medianNanos()), comparison.sizes().get(archiver.name())));
        }
        Samples ours = comparison.samples().get(new Archiver.Ours().name());
        Samples sevenZip = comparison.samples().get(new Archiver.SevenZip().name());
        Samples zip4j = comparison.samples().get(new Archiver.Zip4j().name());
        if (sevenZip != null) {
            row("ratio ours / 7z, median time (<1: faster; goal <= 1.5)",
                    String.format(Locale.ROOT, "%.2f", (double) ours.medianNanos() / sevenZip.medianNanos()));
        }
        comparison.verified().ifPresent(accepted -> row("our archive passes `7z t` with the password",
                accepted ? "yes" : "NO"));
        row("ratio Zip4j / ours, median time (>1: ours faster)",
                String.format(Locale.ROOT, "%.2f", (double) zip4j.medianNanos() / ours.medianNanos()));
    }

    /** The whole packager: read the spooled message, base64-decode into the zip, base64 the zip into the copy. */
    private void packager(int part) throws IOException {
        Path message = work.resolve("message.eml");
        try (OutputStream out = Files.newOutputStream(message); InputStream in = Files.newInputStream(attachment)) {
            out.write(("From: taro@example.co.jp\r\nTo: hanako@plain.example\r\nSubject: report\r\n"
                    + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\nPlease find the report attached.\r\n--b\r\n"
                    + "Content-Type: application/pdf; name=" + BenchAttachment.NAME + "\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            OutputStream encoder = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).wrap(new NonClosing(out));
            in.transferTo(encoder);
            encoder.close();
            out.write("\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        SecureRandom random = new SecureRandom();
        MessagePackager packager = new MessagePackager(NoteTemplates.defaults(), new PassphraseGenerator(random),
                random, Clock.systemDefaultZone(), AnalysisLimits.DEFAULT, ZipOptions.DEFAULT);
        PackagingAction action = new PackagingAction.AesZip(new PassphraseSource.Agreed(
                Passphrase.of(PASSWORD.toCharArray()), "the usual one"));
        long[] nanos = new long[ROUNDS];
        for (int round = -WARM_UP; round < ROUNDS; round++) {
            Path copy = work.resolve("copy.eml");
            Files.deleteIfExists(copy);
            long start = System.nanoTime();
            try {
                packager.pack(message, action, new HeaderTreatment.AsWritten(), copy);
            } catch (PackagingException e) {
                throw new IllegalStateException("the bench message could not be packaged", e);
            }
            if (round >= 0) {
                nanos[round] = System.nanoTime() - start;
            }
        }
        Samples s = new Samples(nanos);
        lines.add(String.format(Locale.ROOT, "%d. MessagePackager, AES zip with an agreed passphrase: a %d-byte"
                + " message (the attachment in base64) to its copy, median of %d rounds", part, Files.size(message),
                ROUNDS));
        row("whole copy: ms median (fastest..slowest)", String.format(Locale.ROOT, "%.0f (%.0f..%.0f); %.0f MiB/s"
                        + " of attachment", millis(s.medianNanos()), millis(s.minNanos()), millis(s.maxNanos()),
                mibPerSecond(s.medianNanos())));
    }

    private boolean sevenZipAccepts(Path zip) throws IOException, InterruptedException {
        Process test = new ProcessBuilder("7z", "t", "-p" + PASSWORD, zip.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return test.waitFor() == 0;
    }

    private void row(String label, String value) {
        lines.add(String.format(Locale.ROOT, ROW, label, value));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static double mibPerSecond(long nanos) {
        return BenchAttachment.SIZE / 1048576.0 / (nanos / 1e9);
    }

    /** Lets the base64 encoder's close write its padding without closing the message file. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
