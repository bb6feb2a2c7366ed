package dev.hikyaku.bench.startup;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where the windows of the bench's children are drawn: an Xvfb server of its own (a real X display, GTK and
 * all, as on a desktop), or, without Xvfb, JavaFX's Monocle headless platform. Both children of one run see
 * the same one, so the ratio compares like with like.
 */
final class VirtualDisplay implements AutoCloseable {
    private final Process xvfb;
    private final String display;

    private VirtualDisplay(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    /** Starts Xvfb on a free display number, or settles for Monocle when there is no Xvfb. */
    static VirtualDisplay start() throws IOException, InterruptedException {
        if (!onPath("Xvfb")) {
            return new VirtualDisplay(null, null);
        }
        for (int number = 90; number < 140; number++) {
            Path socket = Path.of("/tmp/.X11-unix/X" + number);
            if (Files.exists(socket) || Files.exists(Path.of("/tmp/.X" + number + "-lock"))) {
                continue;
            }
            Process server = new ProcessBuilder("Xvfb", ":" + number, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            for (int wait = 0; wait < 100 && server.isAlive() && !Files.exists(socket); wait++) {
                Thread.sleep(50);
            }
            if (server.isAlive() && Files.exists(socket)) {
                return new VirtualDisplay(server, ":" + number);
            }
            server.destroy();
        }
        throw new IOException("no free X display number for Xvfb between :90 and :139");
    }

    /** What the run draws on, for the report. */
    String describe() {
        return display == null ? "Monocle headless (no Xvfb found)" : "Xvfb " + display + " 1280x800x24, GTK";
    }

    /** JVM options for a child drawing here. */
    List<String> jvmOptions() {
        if (display == null) {
            return List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-Djava.awt.headless=true");
        }
        // Xvfb has no GPU: the software renderer, as a desktop without OpenGL would use.
        return List.of("-Dprism.order=sw");
    }

    /** Sets the child's environment to draw here. */
    void configure(Map<String, String> environment) {
        if (display != null) {
            environment.put("DISPLAY", display);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        if (xvfb != null) {
            xvfb.destroy();
            if (!xvfb.waitFor(10, TimeUnit.SECONDS)) {
                xvfb.destroyForcibly().waitFor();
            }
        }
    }
}
