package dev.hikyaku.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs Postfix's {@code posttls-finger} against one loopback MX, the way an administrator checks a server by
 * hand. It reads its configuration from {@code MAIL_CONFIG}, so each instance has a private directory with an
 * empty main.cf (an unconfigured Postfix install has none), plus the fixture CA so it verifies the chain.
 */
final class PostTlsFinger implements AutoCloseable {
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
    static Optional<PostTlsFinger> find(String caPem) throws IOException {
        Optional<Path> program = PLACES.stream().filter(Files::isExecutable).findFirst();
        if (program.isEmpty()) {
            return Optional.empty();
        }
        Path dir = Files.createTempDirectory("hikyaku-bench-postfix");
        Files.writeString(dir.resolve("main.cf"), "");
        Path ca = Files.writeString(dir.resolve("fixture-ca.pem"), caPem);
        return Optional.of(new PostTlsFinger(program.get(), dir, ca));
    }

    /** What one run printed and whether it ended well. */
    record Run(int exitCode, String output) {
        /** Whether the output shows a completed TLS handshake. */
        boolean sawTls() {
            return output.contains("TLS connection established");
        }

        /** The line naming the TLS connection, or the last line when there is none. */
        String summary() {
            List<String> lines = output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            return lines.stream().filter(line -> line.contains("TLS connection established")).findFirst()
                    .orElse(lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1));
        }
    }

    /**
     * Probes {@code address}:{@code port} once, sending {@code host} as SNI: connect, EHLO, STARTTLS, handshake
     * and chain verification, QUIT. Brackets skip the MX lookup, so nothing but the loopback address is asked.
     */
    Run probe(String host, InetAddress address, int port) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(program.toString(), "-c", "-l", "may", "-F", caFile.toString(),
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
