package dev.hikyaku.testworld.reference;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs Postfix's {@code posttls-finger} against one loopback MX, the way an administrator checks a server by
 * hand. It reads its configuration from {@code MAIL_CONFIG}, so each instance has a private directory with an
 * empty main.cf (an unconfigured Postfix install has none), plus the fixture CA so it verifies the chain.
 */
public final class PostTlsFinger implements AutoCloseable {
    private static final List<Path> PLACES = List.of(Path.of("/usr/sbin/posttls-finger"), Path.of("/usr/bin/posttls-finger"));

    private final Path program;
    private final Path configDir;
    private final Path caFile;

    private PostTlsFinger(Path program, Path configDir, Path caFile) {
        this.program = program;
        this.configDir = configDir;
        this.caFile = caFile;
    }

    /** The program if Postfix is installed here, ready to verify against {@code caPem}. */
    public static Optional<PostTlsFinger> find(String caPem) throws IOException {
        Optional<Path> program = PLACES.stream().filter(Files::isExecutable).findFirst();
        if (program.isEmpty()) {
            return Optional.empty();
        }
        Path dir = Files.createTempDirectory("hikyaku-posttls-finger");
        Files.writeString(dir.resolve("main.cf"), "");
        Path ca = Files.writeString(dir.resolve("fixture-ca.pem"), caPem);
        return Optional.of(new PostTlsFinger(program.get(), dir, ca));
    }

    /** What one run printed and how it exited. */
    public record Run(int exitCode, String output) {
        /** "Trusted TLS connection established to 127.0.0.1[127.0.0.1]:2525: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384". */
        private static final Pattern ESTABLISHED =
                Pattern.compile("TLS connection established to \\S+: (TLSv[0-9.]+) with cipher (\\S+)");

        /** Whether the output shows a completed TLS handshake. */
        public boolean sawTls() {
            return output.contains("TLS connection established");
        }

        /** The negotiated protocol, e.g. {@code TLSv1.3}, when a handshake completed. */
        public Optional<String> protocol() {
            return established(1);
        }

        /** The negotiated cipher in OpenSSL's naming, when a handshake completed. */
        public Optional<String> cipher() {
            return established(2);
        }

        private Optional<String> established(int group) {
            Matcher matcher = ESTABLISHED.matcher(output);
            return matcher.find() ? Optional.of(matcher.group(group)) : Optional.empty();
        }

        /** The line naming the TLS connection, or the last line when there is none. */
        public String summary() {
            List<String> lines = output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            return lines.stream().filter(line -> line.contains("TLS connection established")).findFirst()
                    .orElse(lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1));
        }
    }

    /**
     * Probes {@code address}:{@code port} once, sending {@code host} as SNI: connect, EHLO, STARTTLS, handshake
     * and chain verification, QUIT. Brackets skip the MX lookup, so nothing but the loopback address is asked.
     * The SMTP chat is logged too ({@code -c} is not given), so a server without STARTTLS shows its EHLO reply.
     */
    public Run probe(String host, InetAddress address, int port) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(program.toString(), "-l", "may", "-F", caFile.toString(),
                "-s", host, "-t", "2", "-T", "2", "[" + address.getHostAddress() + "]:" + port)
                .redirectErrorStream(true);
        builder.environment().put("MAIL_CONFIG", configDir.toString());
        Process process = builder.start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Run(process.waitFor(), output);
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.list(configDir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(configDir);
    }
}
