package dev.hikyaku.app.tray;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A virtual X display (Xvfb, on a display number it picks itself) and, when asked, a system tray on it (trayer,
 * which owns {@code _NET_SYSTEM_TRAY_S0}), for tests of the real AWT tray icon. Closing ends both.
 */
final class VirtualDisplay implements AutoCloseable {
    private static final String XVFB = "Xvfb";
    private static final String TRAYER = "trayer";

    private final Process xvfb;
    private final String display;
    private final Path log;
    private Process trayer;

    private VirtualDisplay(Process xvfb, String display, Path log) {
        this.xvfb = xvfb;
        this.display = display;
        this.log = log;
    }

    /** What is missing from PATH to start one, if anything. */
    static Optional<String> missing() {
        return Stream.of(XVFB, TRAYER).filter(program -> onPath(program).isEmpty()).findFirst()
                .map(program -> program + " is not installed (Debian packages xvfb and trayer; run-tests installs"
                        + " them)");
    }

    /** Starts Xvfb; {@code log} takes its output and trayer's. */
    static VirtualDisplay start(Path log) throws IOException, InterruptedException {
        // -displayfd makes Xvfb pick a free display number and write it to stdout once it accepts clients.
        Process xvfb = new ProcessBuilder(onPath(XVFB).orElseThrow().toString(), "-displayfd", "1",
                "-screen", "0", "800x600x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            return new VirtualDisplay(xvfb, ":" + firstLine(xvfb), log);
        } catch (IOException | ExecutionException | TimeoutException e) {
            stop(xvfb);
            throw new IOException("Xvfb did not report its display", e);
        }
    }

    /** Starts trayer on the display, as a desktop's panel with a tray; it takes the tray a moment later. */
    VirtualDisplay startTray() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(onPath(TRAYER).orElseThrow().toString(), "--edge", "top",
                "--align", "right", "--widthtype", "request", "--height", "32")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("DISPLAY", display);
        trayer = builder.start();
        return this;
    }

    /** The DISPLAY value, {@code :N}. */
    String display() {
        return display;
    }

    @Override
    public void close() throws InterruptedException {
        if (trayer != null) {
            stop(trayer);
        }
        stop(xvfb);
    }

    private static String firstLine(Process process)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.US_ASCII));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return reader.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(20, TimeUnit.SECONDS);
        if (line == null || !line.trim().matches("\\d{1,5}")) {
            throw new IOException("Xvfb wrote " + line);
        }
        return line.trim();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(File.pathSeparator)).filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, program)).filter(Files::isExecutable).findFirst();
    }
}
