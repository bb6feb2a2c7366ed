package dev.hikyaku.bench.smime;

import dev.hikyaku.smime.cms.Capabilities;
import dev.hikyaku.smime.cms.Credential;
import dev.hikyaku.smime.cms.Encrypted;
import dev.hikyaku.smime.cms.EncryptionCertificate;
import dev.hikyaku.smime.cms.MessageBody;
import dev.hikyaku.smime.cms.Recipient;
import dev.hikyaku.smime.cms.SigningOptions;
import dev.hikyaku.smime.cms.SmimeEncryptor;
import dev.hikyaku.smime.cms.SmimeSigner;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.Security;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Sign + encrypt of a 25 MiB message: Hikyaku's engine (Bouncy Castle structures, SunJCE AES) beside
 * {@code openssl cms -sign | openssl cms -encrypt -stream} on the same file, with Hikyaku's peak heap.
 * Prints figures and asserts nothing about time.
 */
public final class SmimeBenchMain {
    private static final int WARM_UP = 1;
    private static final int ROUNDS = 5;

    private SmimeBenchMain() {
    }

    /** Runs the bench; the one argument is the file the table is also written to. */
    public static void main(String[] arguments) throws Exception {
        Path report = Path.of(arguments.length > 0 ? arguments[0] : "smime-bench.txt");
        Path directory = Files.createTempDirectory("hikyaku-smime-bench");
        try {
            run(directory, report);
        } finally {
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(directory);
        }
    }

    private static void run(Path directory, Path report) throws Exception {
        Session session = Session.getInstance(new Properties());
        Clock clock = Clock.systemUTC();
        FixtureCa ca = FixtureCa.create(clock);
        Issued alice = ca.issue(ca.smimeSpec("alice@example.test").withFreshKey());
        Issued bob = ca.issue(ca.smimeSpec("bob@example.test").withFreshKey());
        writePem(directory, "alice", alice);
        writePem(directory, "bob", bob);
        Files.writeString(directory.resolve("root.pem"), ca.rootPem());
        Path input = BigMessageFile.write(directory.resolve("input.eml"), session);

        Credential signer = new Credential(alice.key(), alice.chain());
        Recipient sender = new Recipient("alice@example.test",
                List.of(new EncryptionCertificate(alice.certificate(), Capabilities.NONE)));
        Recipient recipient = new Recipient("bob@example.test",
                List.of(new EncryptionCertificate(bob.certificate(), Capabilities.NONE)));
        Path ours = directory.resolve("hikyaku.eml");
        Path theirs = directory.resolve("openssl.eml");
        String pipeline = "openssl cms -sign -in input.eml -signer alice.crt -inkey alice.key"
                + " | openssl cms -encrypt -stream -aes-256-cbc -out openssl.eml bob.crt alice.crt";

        List<Double> hikyaku = new ArrayList<>();
        List<Double> openssl = new ArrayList<>();
        long peakHeap = 0;
        for (int round = 0; round < WARM_UP + ROUNDS; round++) {
            HeapPeak.reset();
            long start = System.nanoTime();
            signAndEncrypt(input, ours, session, clock, signer, sender, recipient);
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = HeapPeak.bytes();
            double theirSeconds = shell(directory, pipeline);
            if (round >= WARM_UP) {
                hikyaku.add(seconds);
                openssl.add(theirSeconds);
                peakHeap = Math.max(peakHeap, peak);
            }
        }
        boolean opens = shellOk(directory, "openssl cms -decrypt -in hikyaku.eml -recip bob.crt -inkey bob.key"
                + " | openssl cms -verify -CAfile root.pem -out /dev/null");
        double sunJce = CipherThroughput.mibPerSecond(Security.getProvider("SunJCE"), 256);
        double bouncyCastle = CipherThroughput.mibPerSecond(new BouncyCastleProvider(), 128);

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "smime bench, %s; %d cores, Java %s, %s %s; %s",
                Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"), version(directory)));
        lines.add(String.format(Locale.ROOT, "1. sign (RSA 2048, SHA-256, detached) + encrypt (AES-256-CBC, 2 RSA recipients)"
                + " of one %.1f MiB message; %d rounds alternating after %d untimed", Files.size(input) / 1048576.0,
                ROUNDS, WARM_UP));
        lines.add(row("Hikyaku: seconds, median (fastest..slowest)", figures(hikyaku)));
        lines.add(row("OpenSSL sign | encrypt -stream: seconds, median", figures(openssl)));
        lines.add(row("ratio Hikyaku / OpenSSL, median (<1: faster)",
                String.format(Locale.ROOT, "%.2f", median(hikyaku) / median(openssl))));
        lines.add(row("Hikyaku MiB/s; OpenSSL MiB/s", String.format(Locale.ROOT, "%.0f; %.0f",
                Files.size(input) / 1048576.0 / median(hikyaku), Files.size(input) / 1048576.0 / median(openssl))));
        lines.add(row("Hikyaku peak heap; heap cap", String.format(Locale.ROOT, "%.1f MiB; %.0f MiB",
                peakHeap / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0)));
        lines.add(row("output size Hikyaku / OpenSSL", String.format(Locale.ROOT, "%.1f MiB / %.1f MiB",
                Files.size(ours) / 1048576.0, Files.size(theirs) / 1048576.0)));
        lines.add(row("OpenSSL decrypts and verifies Hikyaku's output", opens ? "yes" : "NO"));
        lines.add("2. raw AES-256-CBC encryption, 1 MiB updates");
        lines.add(row("SunJCE (AES-NI) MiB/s; Bouncy Castle MiB/s", String.format(Locale.ROOT, "%.0f; %.0f",
                sunJce, bouncyCastle)));
        String table = String.join("\n", lines) + "\n";
        System.out.print(table);
        Files.writeString(report, table, StandardCharsets.UTF_8);
    }

    private static void signAndEncrypt(Path input, Path output, Session session, Clock clock, Credential signer,
            Recipient sender, Recipient recipient) throws Exception {
        try (SharedFileInputStream in = new SharedFileInputStream(input.toFile())) {
            MimeMessage original = new MimeMessage(session, in);
            var signed = new SmimeSigner(clock).sign(MessageBody.of(original), signer, SigningOptions.defaults());
            Encrypted encrypted = new SmimeEncryptor(clock, new SecureRandom()).encrypt(signed, sender, List.of(recipient));
            MimeMessage sent = MessageBody.wrap(original, encrypted.part(), session);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
                sent.writeTo(out);
            }
        }
    }

    private static double shell(Path directory, String command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        if (!shellOk(directory, command)) {
            throw new IOException("failed: " + command);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static boolean shellOk(Path directory, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", "set -o pipefail; " + command)
                .directory(directory.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }

    private static String version(Path directory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("openssl", "version").directory(directory.toFile())
                .redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor(1, TimeUnit.MINUTES);
        return text;
    }

    private static void writePem(Path directory, String stem, Issued issued) throws IOException {
        Files.writeString(directory.resolve(stem + ".crt"), issued.chainPem());
        Files.writeString(directory.resolve(stem + ".key"), issued.keyPem());
    }

    private static String figures(List<Double> seconds) {
        return String.format(Locale.ROOT, "%.2f (%.2f..%.2f)", median(seconds), Collections.min(seconds),
                Collections.max(seconds));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String row(String label, String value) {
        return String.format(Locale.ROOT, "  %-55s%s", label, value);
    }
}
