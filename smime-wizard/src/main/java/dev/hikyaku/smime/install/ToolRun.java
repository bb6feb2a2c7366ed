package dev.hikyaku.smime.install;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of an external tool: its exit code and what it printed (bounded), with standard input closed so that a
 * tool which would prompt for a password fails instead of waiting.
 *
 * @param exitCode the exit code, or -1 when the tool did not finish in time
 * @param output   standard output and error together, at most 64 KiB
 */
record ToolRun(int exitCode, String output) {
    private static final int MAX_OUTPUT = 64 * 1024;

    static ToolRun run(List<String> command, Duration timeout) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> drain(process.getInputStream(), output), "tool-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new ToolRun(-1, "");
            }
            reader.join(timeout.toMillis());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + command.get(0) + " ran", e);
        }
        synchronized (output) {
            return new ToolRun(process.exitValue(), output.toString(StandardCharsets.UTF_8));
        }
    }

    /** The first line the tool printed, to show as the reason of a failure. */
    String firstLine() {
        String trimmed = output.strip();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end).strip();
    }

    private static void drain(InputStream in, ByteArrayOutputStream output) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                synchronized (output) {
                    if (output.size() < MAX_OUTPUT) {
                        output.write(buffer, 0, Math.min(read, MAX_OUTPUT - output.size()));
                    }
                }
            }
        } catch (IOException e) {
            // The tool went away; what it printed so far is kept.
        }
    }
}
