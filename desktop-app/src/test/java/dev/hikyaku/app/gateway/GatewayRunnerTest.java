package dev.hikyaku.app.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.testworld.dns.DnsWorld;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayRunnerTest {
    @TempDir
    Path data;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final LinkedBlockingQueue<GatewayState> states = new LinkedBlockingQueue<>();
    // Verdict look-ups start when mail is accepted: they must go to a loopback DNS server, never the system's.
    private final DnsWorld dns = DnsWorld.start();

    @AfterEach
    void stop() throws IOException {
        background.shutdownNow();
        dns.close();
    }

    private GatewayRunner runner(Map<String, String> overrides) {
        Map<String, String> withDns = new HashMap<>(overrides);
        withDns.put("dns.server", "127.0.0.1:" + dns.port());
        return new GatewayRunner(data, withDns, event -> { }, Clock.systemUTC(), background, states::add);
    }

    private GatewayState next() throws InterruptedException {
        GatewayState state = states.poll(30, TimeUnit.SECONDS);
        if (state == null) {
            throw new AssertionError("the runner reported nothing");
        }
        return state;
    }

    @Test
    void startsTheSandboxGatewayWhichAcceptsMailAndKeepsItInTheOutbox() throws Exception {
        try (GatewayRunner runner = runner(Map.of("listen.port", Integer.toString(FreePort.pick())))) {
            GatewayState.Starting starting = assertInstanceOf(GatewayState.Starting.class, runner.start());
            assertTrue(starting.plan().upstream().isEmpty());
            GatewayState.Running running = assertInstanceOf(GatewayState.Running.class, next());
            assertTrue(running.fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), running.fingerprint());
            int port = running.plan().submission().address().getPort();
            assertEquals("127.0.0.1:" + port, running.plan().submission().hostAndPort());

            send(port);

            Path outbox = running.plan().outbox();
            assertTrue(awaitFile(outbox), "the sandbox outbox holds the released mail");
        }
    }

    @Test
    void closingStopsTheListener() throws Exception {
        int port;
        try (GatewayRunner runner = runner(Map.of("listen.port", Integer.toString(FreePort.pick())))) {
            runner.start();
            port = assertInstanceOf(GatewayState.Running.class, next()).plan().submission().address().getPort();
        }
        assertTrue(refused(port), "nothing listens after close");
    }

    @Test
    void aSecondRunnerOnTheSameDataFolderFindsTheFirst() throws Exception {
        try (GatewayRunner first = runner(Map.of("listen.port", Integer.toString(FreePort.pick())));
             GatewayRunner second = runner(Map.of("listen.port", Integer.toString(FreePort.pick())))) {
            first.start();
            assertInstanceOf(GatewayState.Running.class, next());
            second.start();
            assertInstanceOf(GatewayState.AlreadyRunning.class, next());
        }
    }

    @Test
    void aTakenPortIsReportedWithTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             GatewayRunner runner = runner(Map.of("listen.port", Integer.toString(taken.getLocalPort()),
                     "listen.bind", "127.0.0.1"))) {
            runner.start();
            GatewayState.CannotStart failed = assertInstanceOf(GatewayState.CannotStart.class, next());
            assertEquals("127.0.0.1:" + taken.getLocalPort(), failed.plan().submission().hostAndPort());
        }
    }

    @Test
    void aMistakeInTheConfigurationFileIsReportedWithoutStarting() throws Exception {
        Files.writeString(data.resolve("gateway.conf"), "listen.port = eleven\n", StandardCharsets.UTF_8);
        try (GatewayRunner runner = runner(Map.of())) {
            GatewayState.BadConfiguration bad = assertInstanceOf(GatewayState.BadConfiguration.class, runner.start());
            assertTrue(bad.problem().message(Locale.ENGLISH).contains("listen.port"));
            assertTrue(bad.problem().message(Locale.JAPANESE).contains("listen.port"));
        }
        assertTrue(states.isEmpty(), "nothing was started");
    }

    @Test
    void theConfiguredUpstreamIsPartOfThePlan() throws Exception {
        Files.writeString(data.resolve("gateway.conf"), "upstream.host = 127.0.0.1\nupstream.port = 9\n"
                + "listen.port = " + FreePort.pick() + "\ndns.server = 127.0.0.1:" + dns.port() + "\n",
                StandardCharsets.UTF_8);
        try (GatewayRunner runner = new GatewayRunner(data, Map.of(), event -> { }, Clock.systemUTC(), background,
                states::add)) {
            GatewayState.Starting starting = assertInstanceOf(GatewayState.Starting.class, runner.start());
            assertEquals("127.0.0.1:9", starting.plan().upstream().orElseThrow());
            next();
        }
    }

    @Test
    void restartReadsGatewayConfAgainAndTheOldListenerCloses() throws Exception {
        Path conf = data.resolve("gateway.conf");
        int first = FreePort.pick();
        Files.writeString(conf, "listen.port = " + first + "\ndns.server = 127.0.0.1:" + dns.port() + "\n",
                StandardCharsets.UTF_8);
        try (GatewayRunner runner = new GatewayRunner(data, Map.of(), event -> { }, Clock.systemUTC(), background,
                states::add)) {
            runner.start();
            assertInstanceOf(GatewayState.Running.class, next());
            int second = FreePort.pick();
            Files.writeString(conf, "listen.port = " + second + "\ndns.server = 127.0.0.1:" + dns.port() + "\n",
                    StandardCharsets.UTF_8);

            GatewayState.Starting starting = assertInstanceOf(GatewayState.Starting.class, runner.restart());
            assertEquals(second, starting.plan().submission().address().getPort());
            assertEquals(starting, next(), "the first state of a restart is reported too");
            GatewayState.Running running = assertInstanceOf(GatewayState.Running.class, next());
            assertEquals(second, running.plan().submission().address().getPort());
            assertEquals(running, runner.state());
            assertTrue(refused(first), "the old listener is closed");
            send(second);
        }
    }

    @Test
    void pauseStopsTheListenerAndRestartResumesOnTheSameData() throws Exception {
        int port = FreePort.pick();
        try (GatewayRunner runner = runner(Map.of("listen.port", Integer.toString(port)))) {
            List<GatewayState> watched = new java.util.concurrent.CopyOnWriteArrayList<>();
            runner.watch(watched::add);
            runner.start();
            assertInstanceOf(GatewayState.Running.class, next());
            GatewayState.Paused paused = assertInstanceOf(GatewayState.Paused.class, runner.pause());
            assertEquals(port, paused.plan().submission().address().getPort());
            assertEquals(paused, next());
            assertTrue(refused(port), "nothing listens while paused");
            assertTrue(runner.gateway().isEmpty());
            assertEquals(paused, runner.pause(), "pausing twice changes nothing");

            runner.restart();
            assertInstanceOf(GatewayState.Starting.class, next());
            assertInstanceOf(GatewayState.Running.class, next());
            assertFalse(refused(port), "it listens again");
            // Watchers hear each state right after onChange, on the same thread.
            for (int i = 0; i < 300 && watched.size() < 4; i++) {
                Thread.sleep(10);
            }
            assertEquals(List.of(GatewayState.Running.class, GatewayState.Paused.class, GatewayState.Starting.class,
                    GatewayState.Running.class), watched.stream().<Class<?>>map(Object::getClass).toList());
        }
    }

    @Test
    void aRestartOnABrokenFileReportsTheMistakeAndLeavesNothingRunning() throws Exception {
        int port = FreePort.pick();
        try (GatewayRunner runner = runner(Map.of("listen.port", Integer.toString(port)))) {
            runner.start();
            assertInstanceOf(GatewayState.Running.class, next());
            Files.writeString(data.resolve("gateway.conf"), "guard.hold = perhaps\n", StandardCharsets.UTF_8);
            assertInstanceOf(GatewayState.BadConfiguration.class, runner.restart());
            assertInstanceOf(GatewayState.BadConfiguration.class, next());
            assertTrue(refused(port));
            assertTrue(runner.gateway().isEmpty());
        }
    }

    private static void send(int port) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(port));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("taro@example.jp"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("hanako@example.com"));
        message.setSubject("sandbox");
        message.setText("hello");
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    private static boolean awaitFile(Path folder) throws InterruptedException, IOException {
        for (int i = 0; i < 300; i++) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    List<Path> eml = files.filter(file -> file.toString().endsWith(".eml")).toList();
                    if (!eml.isEmpty()) {
                        return true;
                    }
                }
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static boolean refused(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
