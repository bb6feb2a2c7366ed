package dev.hikyaku.app.tray;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The app in a child JVM on an X display ({@link TrayAppMain}): the test asks it what the tray shows, one command
 * at a time. The child's other output (the gateway's event log, JavaFX's warnings) is kept to explain a failure.
 */
final class TrayAppProcess implements AutoCloseable {
    private static final int KEPT_LINES = 200;

    private final Process process;
    private final Writer commands;
    private final LinkedBlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Deque<String> output = new ArrayDeque<>();
    private final Thread reader;

    private TrayAppProcess(Process process) {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        reader = new Thread(this::read, "tray-app-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the app on {@code display} with its data in {@code data}, its user home (mail clients, sign-in
     * start) in {@code home}, in {@code language}.
     */
    static TrayAppProcess start(String display, Path data, Path home, String language) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Djava.awt.headless=false", "-Duser.home=" + home, "-Dprism.order=sw",
                "-XX:TieredStopAtLevel=1",
                "-cp", classpath, TrayAppMain.class.getName(), "--data-dir=" + data, "--lang=" + language))
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("DISPLAY", display);
        environment.put("HOME", home.toString());
        environment.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        environment.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        // No accessibility bus or session bus on the virtual display: GTK would only warn about them.
        environment.put("NO_AT_BRIDGE", "1");
        environment.remove("DBUS_SESSION_BUS_ADDRESS");
        environment.remove("WAYLAND_DISPLAY");
        return new TrayAppProcess(builder.start());
    }

    /** The child's answer to {@code command}. */
    String ask(String command) throws IOException, InterruptedException {
        commands.write(command + "\n");
        commands.flush();
        return next();
    }

    /** Asks {@code command} until the answer fits {@code expected} (30 s at most) and returns that answer. */
    String await(String command, Predicate<String> expected) throws IOException, InterruptedException {
        String answer = ask(command);
        for (int i = 0; i < 300 && !expected.test(answer); i++) {
            Thread.sleep(100);
            answer = ask(command);
        }
        if (!expected.test(answer)) {
            throw new AssertionError("'" + command + "' still answers: " + answer + log());
        }
        return answer;
    }

    /** Waits (30 s at most) for the child JVM to end by itself, and for its last words; its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the app did not end" + log());
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    /** The replies nobody asked for (that the launcher returned, once the app quit). */
    List<String> pending() {
        return List.copyOf(replies);
    }

    /** The child's last lines of other output, for a failure message. */
    String log() {
        synchronized (output) {
            return "\n--- the app's output (last lines) ---\n" + String.join("\n", output);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private String next() throws InterruptedException {
        String reply = replies.poll(30, TimeUnit.SECONDS);
        if (reply == null) {
            throw new AssertionError("the child JVM did not answer" + log());
        }
        return reply;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(TrayAppMain.REPLY)) {
                    replies.add(line.substring(TrayAppMain.REPLY.length()));
                } else {
                    synchronized (output) {
                        output.addLast(line);
                        if (output.size() > KEPT_LINES) {
                            output.removeFirst();
                        }
                    }
                }
            }
        } catch (IOException e) {
            // The child ended; what it said is kept.
        }
    }
}
