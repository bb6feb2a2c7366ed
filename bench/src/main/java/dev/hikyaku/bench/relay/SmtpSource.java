package dev.hikyaku.bench.relay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Postfix's smtp-source: the client side of every figure. It speaks plain SMTP (HELO, MAIL, RCPT, DATA, QUIT)
 * to one loopback port and exits once the server has accepted every message or something went wrong.
 */
final class SmtpSource {
    static final String SENDER = "bench@client.bench.test";
    private static final String HELO_NAME = "client.bench.test";

    private final Path program;
    private final Path workDirectory;

    /** {@code workDirectory} holds the program's output while it runs. */
    SmtpSource(Path program, Path workDirectory) {
        this.program = program;
        this.workDirectory = workDirectory;
    }

    /** How one run ended. */
    record Result(int exitCode, boolean timedOut, String lastLine) {
        boolean succeeded() {
            return !timedOut && exitCode == 0;
        }

        /** One line for the figure table saying why the run failed. */
        String failure() {
            return timedOut ? "smtp-source timed out" : "smtp-source exited " + exitCode + ": " + lastLine;
        }
    }

    /** {@code messages} generated messages of {@code bytes} each over {@code sessions} parallel sessions. */
    Result load(int port, int sessions, int messages, int bytes, String recipient, Duration timeout)
            throws IOException, InterruptedException {
        return run(List.of("-s", Integer.toString(sessions), "-m", Integer.toString(messages),
                "-l", Integer.toString(bytes)), port, recipient, timeout);
    }

    /** The message in {@code file} (LF line ends; smtp-source sends each line with CRLF, dot-stuffed). */
    Result send(Path file, int port, String recipient, Duration timeout) throws IOException, InterruptedException {
        return run(List.of("-F", file.toString()), port, recipient, timeout);
    }

    private Result run(List<String> options, int port, String recipient, Duration timeout)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(program.toString()));
        command.addAll(options);
        command.addAll(List.of("-f", SENDER, "-t", recipient, "-M", HELO_NAME, Loopback.HOST + ":" + port));
        Path output = Files.createTempFile(workDirectory, "smtp-source", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            String said = new String(Files.readAllBytes(output), StandardCharsets.ISO_8859_1);
            return new Result(finished ? process.exitValue() : -1, !finished, ToolOutput.lastLine(said));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
