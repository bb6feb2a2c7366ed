package dev.hikyaku.testworld.smtp;

import dev.hikyaku.testworld.ca.Issued;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.Security;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An MX whose STARTTLS speaks only TLS 1.0 and 1.1. The JDK disables those versions, and the test JVM
 * must not weaken its own settings, so this MX runs in a child JVM whose security properties alone
 * allow them again.
 */
public final class LegacyTlsMx implements MxHost {

    /** The TLS versions the legacy MX allows. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.1", "TLSv1");
    static final String PASSWORD_VARIABLE = "HIKYAKU_LEGACY_MX_PASSWORD";
    static final String READY_PREFIX = "LISTENING ";
    // Safety bounds only: a JVM normally starts in well under a second.
    private static final long START_TIMEOUT_SECONDS = 30;
    private static final long STOP_TIMEOUT_SECONDS = 5;

    private final Process child;
    private final Path workDirectory;
    private final InetSocketAddress address;

    private LegacyTlsMx(Process child, Path workDirectory, InetSocketAddress address) {
        this.child = child;
        this.workDirectory = workDirectory;
        this.address = address;
    }

    /** Starts a legacy MX on an ephemeral port of 127.0.0.1. */
    public static LegacyTlsMx start(Issued certificate) throws IOException {
        return start(certificate, new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
    }

    /** Starts a legacy MX on the given loopback address and port (port 0 for an ephemeral one). */
    public static LegacyTlsMx start(Issued certificate, InetSocketAddress bind) throws IOException {
        if (bind.isUnresolved() || !bind.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("test MX servers listen on loopback only, not on " + bind);
        }
        Path directory = Files.createTempDirectory("hikyaku-legacy-mx");
        char[] password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16)).toCharArray();
        Path keyStore = certificate.writePkcs12(directory.resolve("mx.p12"), password);
        Path securityFile = writeSecurityProperties(directory.resolve("legacy-tls.security"));
        Path log = directory.resolve("child.log");
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(),
                "-Djava.security.properties=" + securityFile,
                // The child lives for one test: skip the optimising compiler to start faster.
                "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                LegacyTlsMxMain.class.getName(),
                keyStore.toString(), bind.getAddress().getHostAddress(), Integer.toString(bind.getPort()))
                .redirectError(log.toFile());
        builder.environment().put(PASSWORD_VARIABLE, new String(password));
        Process child = builder.start();
        try {
            int port = awaitPort(child, log);
            return new LegacyTlsMx(child, directory, new InetSocketAddress(bind.getAddress(), port));
        } catch (IOException | RuntimeException e) {
            stop(child);
            deleteDirectory(directory);
            throw e;
        }
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() {
        stop(child);
        deleteDirectory(workDirectory);
    }

    private static int awaitPort(Process child, Path log) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = firstLine.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the legacy MX started", e);
        } catch (ExecutionException | TimeoutException e) {
            line = null;
        }
        if (line == null || !line.startsWith(READY_PREFIX)) {
            throw new IOException("the legacy MX child JVM did not start; its stderr says: "
                    + (Files.exists(log) ? Files.readString(log) : "(nothing)"));
        }
        return Integer.parseInt(line.substring(READY_PREFIX.length()).trim());
    }

    /** The test JVM's disabled TLS algorithms minus TLS 1.0 and 1.1, for the child only. */
    private static Path writeSecurityProperties(Path file) throws IOException {
        String disabled = Stream.of(Security.getProperty("jdk.tls.disabledAlgorithms").split(","))
                .map(String::trim)
                .filter(token -> !PROTOCOLS.contains(token))
                .collect(Collectors.joining(", "));
        Properties properties = new Properties();
        properties.setProperty("jdk.tls.disabledAlgorithms", disabled);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            properties.store(writer, "Hikyaku legacy MX: TLS 1.0 and 1.1 allowed in this child JVM only");
        }
        return file;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    // The child stops by itself when its stdin closes; force it only if it does not.
    private static void stop(Process child) {
        try {
            child.getOutputStream().close();
            if (!child.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            child.destroyForcibly();
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteDirectory(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // Leftovers in the temp directory are harmless; the next tmp clean-up takes them.
        }
    }
}
