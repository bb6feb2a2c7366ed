package dev.hikyaku.installer.packages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A program of the packages started by a test, with its output in a file and every process it started stopped. */
final class Program implements AutoCloseable {
    private final Process process;
    private final Path output;

    private Program(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code command} with {@code environment} added, its output and errors going to {@code output}. */
    static Program start(List<String> command, Map<String, String> environment, Path output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        return new Program(builder.start(), output);
    }

    /** Runs {@code command} to its end (at most two minutes) and returns its exit code and output. */
    static Result run(List<String> command, Map<String, String> environment, Path output)
            throws IOException, InterruptedException {
        try (Program program = start(command, environment, output)) {
            if (!program.process.waitFor(2, TimeUnit.MINUTES)) {
                throw new AssertionError(command + " did not end: " + program.output());
            }
            return new Result(program.process.exitValue(), program.output());
        }
    }

    /** Whether it still runs. */
    boolean alive() {
        return process.isAlive();
    }

    /** What it printed so far. */
    String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    /** Asks it and everything it started to stop (SIGTERM), then insists. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> all = process.descendants().toList();
        process.destroy();
        all.forEach(ProcessHandle::destroy);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** A finished program's exit code and output. */
    record Result(int exitCode, String output) {
    }
}
