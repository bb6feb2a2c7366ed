package dev.hikyaku.gateway.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The headless gateway in a JVM of its own, so a test can kill it the hard way (SIGKILL) and start it again. */
final class GatewayProcess implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private GatewayProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "gateway-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code run} with these options and waits until it listens. */
    static GatewayProcess start(Path data, int port, InetSocketAddress upstream, InetSocketAddress dns) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.hikyaku.gateway.HeadlessMain", "run",
                "--bind", "127.0.0.1", "--port", Integer.toString(port),
                "--upstream", "127.0.0.1:" + upstream.getPort(), "--upstream-security", "none",
                "--dns", "127.0.0.1:" + dns.getPort(), "--data-dir", data.toString(), "--lang", "en"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        GatewayProcess gateway = new GatewayProcess(process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (gateway.lines.stream().noneMatch(line -> line.contains("event=listening"))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("the gateway did not start:\n" + String.join("\n", gateway.lines));
            }
            Thread.sleep(20);
        }
        return gateway;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** SIGKILL: no shutdown hook, no flush, exactly like a crash or a pulled plug. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Everything the process printed so far (structured event lines). */
    List<String> output() {
        return List.copyOf(lines);
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // The process died; what it printed is kept.
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
