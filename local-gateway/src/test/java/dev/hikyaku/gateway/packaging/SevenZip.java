package dev.hikyaku.gateway.packaging;


import dev.hikyaku.testworld.reference.RequiredTool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The real {@code 7z} tool (Debian p7zip-full, installed by ./run-tests) run on an archive. */
public final class SevenZip {

    /** What 7z printed and how it ended. */
    public record Run(int exitCode, byte[] output, String errors) {
        /** The standard output as UTF-8 text. */
        public String text() {
            return new String(output, StandardCharsets.UTF_8);
        }
    }

    private SevenZip() {
    }

    /** Fails the calling test on CI, or skips it elsewhere, when 7z is not installed. */
    public static void requireInstalled() {
        RequiredTool.require(Files.isExecutable(Path.of("/usr/bin/7z")), "7z (Debian package p7zip-full) is missing");
    }

    /** Runs {@code 7z} with the arguments, the password given with -p (never asked for on a terminal). */
    public static Run run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("7z"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile())).start();
        CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        process.getInputStream().transferTo(output);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("7z did not end");
        }
        return new Run(process.exitValue(), output.toByteArray(), new String(errors.join(), StandardCharsets.UTF_8));
    }

    /** One entry's bytes, extracted to standard output with the password. */
    public static Run extract(Path zip, String password, String entry) throws IOException, InterruptedException {
        return run("x", "-so", "-p" + password, zip.toString(), entry);
    }

    /** Tests the whole archive with the password. */
    public static Run test(Path zip, String password) throws IOException, InterruptedException {
        return run("t", "-p" + password, zip.toString());
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
