package dev.hikyaku.testworld.secrets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private Secret Service for tests: its own D-Bus session bus and a GNOME Keyring daemon with an unlocked
 * login keyring, in a temporary home, so tests of the OS key store never touch the user's real one.
 */
public final class SecretServiceWorld implements AutoCloseable {
    /** The system property (read before the environment by dbus-java) that names the session bus. */
    public static final String BUS_PROPERTY = "DBUS_SESSION_BUS_ADDRESS";

    private final Path home;
    private final Process bus;
    private final Process keyring;
    private final String address;

    private SecretServiceWorld(Path home, Process bus, Process keyring, String address) {
        this.home = home;
        this.bus = bus;
        this.keyring = keyring;
        this.address = address;
    }

    /**
     * Starts the bus and the keyring daemon; needs {@code dbus-daemon}, {@code dbus-send} and
     * {@code gnome-keyring-daemon} (the Debian packages {@code dbus} and {@code gnome-keyring}, which
     * {@code ./run-tests} installs).
     */
    public static SecretServiceWorld start() throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("hikyaku-secrets");
        Path runtime = Files.createDirectories(home.resolve("run"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        Process bus = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
        if (address == null || !address.startsWith("unix:")) {
            bus.destroyForcibly();
            throw new IOException("dbus-daemon did not print a session bus address");
        }
        ProcessBuilder daemon = new ProcessBuilder("gnome-keyring-daemon", "--foreground", "--unlock",
                "--components=secrets").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        environment(daemon.environment(), home, runtime, address);
        Process keyring = daemon.start();
        try (OutputStream password = keyring.getOutputStream()) {
            // The login keyring's own password; the test keyring lives in the temporary home only.
            password.write("hikyaku-test".getBytes(StandardCharsets.US_ASCII));
        }
        SecretServiceWorld world = new SecretServiceWorld(home, bus, keyring, address);
        world.awaitService();
        return world;
    }

    private static void environment(Map<String, String> environment, Path home, Path runtime, String address) {
        environment.put("HOME", home.toString());
        environment.put("XDG_RUNTIME_DIR", runtime.toString());
        environment.put("XDG_DATA_HOME", home.resolve("data").toString());
        environment.put(BUS_PROPERTY, address);
        environment.remove("DISPLAY");
    }

    private void awaitService() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!keyring.isAlive()) {
                close();
                throw new IOException("gnome-keyring-daemon stopped at start (exit " + keyring.exitValue() + ")");
            }
            ProcessBuilder ask = new ProcessBuilder(List.of("dbus-send", "--session", "--print-reply",
                    "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
                    "string:org.freedesktop.secrets")).redirectErrorStream(true);
            ask.environment().put(BUS_PROPERTY, address);
            Process asked = ask.start();
            String reply = new String(asked.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            asked.waitFor(5, TimeUnit.SECONDS);
            if (reply.contains("boolean true")) {
                return;
            }
            Thread.sleep(50);
        }
        close();
        throw new IOException("the Secret Service did not appear on the test bus");
    }

    /** The session bus address, for {@link #BUS_PROPERTY} or a child process's environment. */
    public String busAddress() {
        return address;
    }

    /** The temporary home that holds the keyring files. */
    public Path home() {
        return home;
    }

    @Override
    public void close() throws IOException {
        keyring.destroy();
        bus.destroy();
        try {
            keyring.waitFor(5, TimeUnit.SECONDS);
            bus.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        keyring.destroyForcibly();
        bus.destroyForcibly();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
