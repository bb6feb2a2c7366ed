package dev.hikyaku.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.gateway.instance.InstanceLock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadlessMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Path home, String... args) {
        return HeadlessMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Locale.ENGLISH, home, Map.of(), new CountDownLatch(0));
    }

    @Test
    void checkPassesOnAFreeLoopbackPortAndUsesThePerUserDataFolder(@TempDir Path home) throws Exception {
        int port = freePort();
        assertEquals(HeadlessMain.EXIT_OK, run(home, "check", "--port", Integer.toString(port), "--bind", "127.0.0.1"), err.toString());
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Listen address 127.0.0.1 port " + port + ": free"), text);
        assertTrue(text.contains("The gateway can start here."), text);
        assertTrue(text.contains(home.resolve(".local/share/hikyaku").toString()) || !System.getProperty("os.name").startsWith("Linux"), text);
    }

    @Test
    void checkFailsWhenThePortIsTaken(@TempDir Path home) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int code = run(home, "check", "--port", Integer.toString(taken.getLocalPort()), "--bind", "127.0.0.1",
                    "--data-dir", home.resolve("data").toString());
            assertEquals(HeadlessMain.EXIT_FAILED, code);
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("cannot listen"), out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void checkFailsWhenAnotherInstanceHoldsTheDataFolder(@TempDir Path home) throws Exception {
        Path data = home.resolve("data");
        try (InstanceLock running = InstanceLock.tryAcquire(data).orElseThrow()) {
            assertEquals(HeadlessMain.EXIT_FAILED, run(home, "check", "--port", Integer.toString(freePort()),
                    "--bind", "127.0.0.1", "--data-dir", data.toString()));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("already running"));
        }
    }

    @Test
    void nonLoopbackBindIsAUsageErrorInTheChosenLanguage(@TempDir Path home) {
        assertEquals(HeadlessMain.EXIT_USAGE, run(home, "check", "--bind", "192.0.2.1", "--lang", "ja"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("ループバックアドレスではありません"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownOptionPrintsWhatWasWrongAndTheUsage(@TempDir Path home) {
        assertEquals(HeadlessMain.EXIT_USAGE, run(home, "check", "--prot", "25"));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Unknown command or option '--prot'."), text);
        assertTrue(text.contains("Usage: java -jar local-gateway.jar"), text);
    }

    @Test
    void noArgumentsPrintsUsage(@TempDir Path home) {
        assertEquals(HeadlessMain.EXIT_OK, run(home));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage:"));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
