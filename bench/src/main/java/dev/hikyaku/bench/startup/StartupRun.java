package dev.hikyaku.bench.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One timed start: spawns a {@link StartupProbe} JVM, times it from just before the spawn to its ready line,
 * reads its resident memory (VmRSS in /proc/PID/status) then and after a short settle, and ends it.
 *
 * @param millis         process start to main window responsive (and, for the app, the gateway greeting)
 * @param rssKibAtReady  resident set at that moment, KiB
 * @param rssKibSettled  resident set two seconds later (background start-up work done), KiB
 */
record StartupRun(double millis, long rssKibAtReady, long rssKibSettled) {
    private static final Pattern RSS = Pattern.compile("^VmRSS:\\s+(\\d{1,15}) kB$", Pattern.MULTILINE);
    private static final long SETTLE_MILLIS = 2000;

    /** Starts {@code probeArguments} in a child JVM drawing on {@code display} and measures it. */
    static StartupRun measure(VirtualDisplay display, List<String> probeArguments) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(display.jvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StartupProbe.class.getName()));
        command.addAll(probeArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        display.configure(builder.environment());
        long started = System.nanoTime();
        Process child = builder.start();
        try {
            CompletableFuture<Long> ready = new CompletableFuture<>();
            List<String> said = new ArrayList<>();
            Thread reader = new Thread(() -> read(child, ready, said), "startup-probe-output");
            reader.setDaemon(true);
            reader.start();
            long readyAt = ready.get(180, TimeUnit.SECONDS);
            long atReady = rss(child.pid());
            Thread.sleep(SETTLE_MILLIS);
            long settled = rss(child.pid());
            return new StartupRun((readyAt - started) / 1_000_000.0, atReady, settled);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the probe never got ready: " + e.getMessage(), e);
        } finally {
            child.destroy();
            if (!child.waitFor(20, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
            }
        }
    }

    private static void read(Process child, CompletableFuture<Long> ready, List<String> said) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.equals(StartupProbe.READY)) {
                    ready.complete(System.nanoTime());
                } else if (!ready.isDone() && said.size() < 5 && !line.startsWith("ts=")) {
                    said.add(line);
                }
            }
            ready.completeExceptionally(new IOException("exited " + child.waitFor() + "; said: " + said));
        } catch (IOException | InterruptedException e) {
            ready.completeExceptionally(e);
        }
    }

    private static long rss(long pid) throws IOException {
        Matcher matcher = RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status"),
                StandardCharsets.US_ASCII));
        if (!matcher.find()) {
            throw new IOException("no VmRSS for process " + pid);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** A loopback port free on 127.0.0.1 and ::1 (the gateway listens on both) a moment ago. */
    static int freePort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket v4 = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                 ServerSocket v6 = new ServerSocket(v4.getLocalPort(), 1, InetAddress.getByName("::1"))) {
                return v4.getLocalPort();
            } catch (IOException takenOnIpv6) {
                // Try another.
            }
        }
        throw new IOException("no free loopback port");
    }
}
