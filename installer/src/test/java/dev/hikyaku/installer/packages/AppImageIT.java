package dev.hikyaku.installer.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.testworld.dns.DnsWorld;
import dev.hikyaku.testworld.reference.RequiredTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app image starts from its own runtime and answers on its SMTP port, with and without a window. */
class AppImageIT {
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @TempDir
    Path temp;

    // Any verdict look-up goes to this loopback DNS server, never the system's.
    private final DnsWorld dns = DnsWorld.start();

    @AfterEach
    void stopDns() throws java.io.IOException {
        dns.close();
    }

    @Test
    void theCommandLinesGatewayAnswersOnItsPort() throws Exception {
        int port = SmtpGreeting.freePort();
        Path data = Files.createDirectories(temp.resolve("data"));
        Path cli = PackageFolder.appImage().resolve("bin").resolve(PackageFolder.cliLauncher());
        try (Program gateway = Program.start(List.of(cli.toString(), "gateway", "run", "--port", Integer.toString(port),
                        "--bind", "127.0.0.1", "--data-dir", data.toString(), "--dns", "127.0.0.1:" + dns.port()),
                Map.of("HOME", temp.toString()), temp.resolve("gateway.log"))) {
            List<String> reply = SmtpGreeting.await(port, gateway, PATIENCE);

            assertTrue(reply.get(0).startsWith("220 "), reply.toString());
            assertTrue(reply.contains("250-STARTTLS") || reply.contains("250 STARTTLS"), reply.toString());
            assertTrue(Files.isRegularFile(data.resolve("tls/localhost-cert.pem")), "the data folder given is used");
        }
    }

    @Test
    void theWindowStartsTheGatewayUnderAVirtualDisplay() throws Exception {
        Path xvfbRun = onPath("xvfb-run");
        RequiredTool.require(Files.isExecutable(xvfbRun), "xvfb-run is missing (Debian packages xvfb, xauth)");
        int port = SmtpGreeting.freePort();
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("gateway.conf"), "listen.bind = 127.0.0.1\ndns.server = 127.0.0.1:"
                + dns.port() + "\n", StandardCharsets.UTF_8);
        Path window = PackageFolder.appImage().resolve("bin").resolve("Hikyaku");
        try (Program app = Program.start(List.of(xvfbRun.toString(), "-a", window.toString(), "--data-dir=" + data,
                        "--port=" + port, "--lang=ja"),
                Map.of("HOME", temp.toString()), temp.resolve("window.log"))) {
            List<String> reply = SmtpGreeting.await(port, app, PATIENCE);

            assertTrue(reply.get(0).startsWith("220 "), reply.toString());
            // The image's own runtime holds JavaFX's native libraries: nothing is unpacked into the home folder.
            assertEquals(false, Files.exists(temp.resolve(".openjfx")), app.output());
        }
    }

    private static Path onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, program))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(Path.of(program));
    }
}
