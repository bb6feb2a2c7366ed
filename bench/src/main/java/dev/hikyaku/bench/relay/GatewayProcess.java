package dev.hikyaku.bench.relay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's headless main in a JVM of its own ({@code java -jar local-gateway.jar run ...}) on a free
 * loopback port, relaying to smtp-sink without TLS. It is ready once it logs a line with {@code event=listening};
 * its other log lines are read and dropped, so the pipe never fills.
 */
final class GatewayProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int KEPT_LINES = 2;
    /** HeadlessMain's exit code for a command line it does not understand. */
    private static final int EXIT_USAGE = 2;
    private static final Pattern PEAK_RSS = Pattern.compile("^VmHWM:\\s+(\\d{1,15}) kB$", Pattern.MULTILINE);

    private final Process process;
    private final ExitGuard guard;
    private final int port;
    private final CountDownLatch listening = new CountDownLatch(1);
    private final CountDownLatch logEnded = new CountDownLatch(1);
    /** The first line (a failed start's reason comes first, before any usage text) and the last few. */
    private final Deque<String> lastLines = new ArrayDeque<>();
    private String firstLine;

    private GatewayProcess(Process process, int port) {
        this.process = process;
        this.guard = ExitGuard.destroying("stop-gateway-" + port, process);
        this.port = port;
    }

    /** Why the gateway could not be measured: it is missing, exited, or never said it was listening. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String reason) {
            super(reason);
        }
    }

    /**
     * Starts the gateway from {@code jar} with {@code jvmOptions} (e.g. {@code -Xmx256m}), its data in
     * {@code dataDirectory}, delivering to {@code upstreamPort}; returns once it listens.
     */
    static GatewayProcess start(Path jar, List<String> jvmOptions, Path dataDirectory, int upstreamPort)
            throws Unavailable, IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new Unavailable(jar + " does not exist; build it with -am (see bench/README.md)");
        }
        int port = Loopback.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "run", "--bind", Loopback.HOST, "--port", Integer.toString(port),
                "--upstream", Loopback.HOST + ":" + upstreamPort, "--upstream-security", "none",
                // A loopback port where no resolver listens: verdict look-ups stay on 127.0.0.1 and fail at once.
                "--dns", Loopback.HOST + ":" + Loopback.freePort(),
                "--data-dir", dataDirectory.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        GatewayProcess gateway = new GatewayProcess(process, port);
        Thread reader = new Thread(gateway::readLog, "gateway-log-" + port);
        reader.setDaemon(true);
        reader.start();
        gateway.awaitListening();
        return gateway;
    }

    int port() {
        return port;
    }

    /** The process's peak resident set size so far (VmHWM in /proc/PID/status), in KiB; empty off Linux. */
    OptionalLong peakRssKib() {
        try {
            String status = Files.readString(Path.of("/proc", Long.toString(process.pid()), "status"),
                    StandardCharsets.US_ASCII);
            Matcher matcher = PEAK_RSS.matcher(status);
            return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private void awaitListening() throws Unavailable, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!listening.await(100, TimeUnit.MILLISECONDS)) {
            if (!process.isAlive()) {
                logEnded.await(2, TimeUnit.SECONDS);
                close();
                String hint = process.exitValue() == EXIT_USAGE
                        ? " (a usage error: has this jar the run command yet?)" : "";
                throw new Unavailable("the gateway exited " + process.exitValue() + " before listening" + hint
                        + "; it said: " + lastLines());
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new Unavailable("no event=listening within " + START_TIMEOUT.toSeconds() + " s; it said: "
                        + lastLines());
            }
        }
    }

    private void readLog() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.contains("event=listening")) {
                    listening.countDown();
                }
                keep(line);
            }
        } catch (IOException streamClosed) {
            // close() destroyed the process.
        } finally {
            logEnded.countDown();
        }
    }

    private void keep(String line) {
        if (line.isBlank()) {
            return;
        }
        synchronized (lastLines) {
            if (firstLine == null) {
                firstLine = ToolOutput.clean(line.strip());
                return;
            }
            if (lastLines.size() == KEPT_LINES) {
                lastLines.removeFirst();
            }
            lastLines.addLast(ToolOutput.clean(line.strip()));
        }
    }

    private String lastLines() {
        synchronized (lastLines) {
            if (firstLine == null) {
                return "(nothing)";
            }
            return lastLines.isEmpty() ? firstLine : firstLine + " | ... | " + String.join(" | ", lastLines);
        }
    }

    /** Destroys the process (the contract's way to stop it) and waits for it to go. */
    @Override
    public void close() throws InterruptedException {
        guard.close();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The gateway's own output, for a failure message. */
    Optional<String> said() {
        String lines = lastLines();
        return lines.equals("(nothing)") ? Optional.empty() : Optional.of(lines);
    }
}
