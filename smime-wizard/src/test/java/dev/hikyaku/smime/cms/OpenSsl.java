package dev.hikyaku.smime.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code openssl} command line on files in a test's directory. */
final class OpenSsl {
    private final Path directory;

    OpenSsl(Path directory) {
        this.directory = directory;
    }

    /** Runs openssl with the arguments and fails the test unless it exits 0. */
    String ok(String... arguments) throws IOException, InterruptedException {
        Result result = run(arguments);
        assertEquals(0, result.exitCode(), () -> "openssl " + String.join(" ", arguments) + " failed:\n" + result.errors());
        return result.errors();
    }

    /** Runs openssl with the arguments. */
    Result run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Path errors = Files.createTempFile(directory, "openssl", ".err");
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(false)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errors.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("openssl did not finish within a minute");
        }
        return new Result(process.exitValue(), Files.readString(errors, StandardCharsets.UTF_8));
    }

    /** The exit code and standard error of one run. */
    record Result(int exitCode, String errors) {
    }
}
