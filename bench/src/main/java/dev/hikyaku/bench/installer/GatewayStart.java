package dev.hikyaku.bench.installer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Starts one way of running the gateway on a free loopback port with its data folder and a loopback DNS server,
 * times it until the port greets, and stops it again.
 */
final class GatewayStart {
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    /** Linux counts CPU time in /proc in clock ticks of 10 ms. */
    private static final long TICK_NANOS = 10_000_000L;

    private final List<String> command;
    private final Path data;
    private final Path log;
    private final int dnsPort;

    GatewayStart(List<String> command, Path data, Path log, int dnsPort) {
        this.command = List.copyOf(command);
        this.data = data;
        this.log = log;
        this.dnsPort = dnsPort;
    }

    /** Starts, waits for the greeting, stops; the data folder stays for the next start, as on a PC. */
    StartFigures once() throws IOException, InterruptedException {
        int port = freePort();
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1", "--data-dir", data.toString(),
                "--dns", "127.0.0.1:" + dnsPort));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = started + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException(command + " ended before it listened: " + Files.readString(log));
                }
                if (greets(port)) {
                    long wall = System.nanoTime() - started;
                    return new StartFigures(wall, cpuNanos(process.pid()));
                }
                Thread.sleep(5);
            }
            throw new IOException(command + " did not greet within " + PATIENCE);
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static boolean greets(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            socket.setSoTimeout(10_000);
            String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return line != null && line.startsWith("220");
        } catch (IOException notYet) {
            return false;
        }
    }

    /** The CPU time (utime + stime) the process has used, from /proc (Linux); empty elsewhere. */
    private static OptionalLong cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name in parentheses may contain spaces: count the fields after its closing one.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return OptionalLong.of(ticks * TICK_NANOS);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
