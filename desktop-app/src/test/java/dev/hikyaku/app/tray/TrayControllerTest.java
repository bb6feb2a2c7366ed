package dev.hikyaku.app.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.gateway.FreePort;
import dev.hikyaku.app.gateway.GatewayRunner;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.app.shell.FxEvents;
import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.testworld.dns.DnsWorld;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrayControllerTest {
    @TempDir
    Path data;

    private final DnsWorld dns = DnsWorld.start();
    private final ExecutorService background = Executors.newCachedThreadPool();
    // One thread stands in for the UI thread: the controller is called from it only.
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final List<TrayLines> shown = new CopyOnWriteArrayList<>();
    private final List<String> notified = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws IOException {
        background.shutdownNow();
        ui.shutdownNow();
        dns.close();
    }

    private final TraySurface surface = new TraySurface() {
        @Override
        public void show(TrayLines lines) {
            shown.add(lines);
        }

        @Override
        public void notify(String title, String body, Notice.Severity severity) {
            notified.add(severity + " " + title + ": " + body);
        }
    };

    private static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 300 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertTrue(condition.getAsBoolean(), "not reached in 30 s");
    }

    private TrayLines last() {
        return shown.get(shown.size() - 1);
    }

    @Test
    void theTrayFollowsTheRealGatewayThroughPauseAndResumeAndSpeaksOnEvents() throws Exception {
        int port = FreePort.pick();
        LiveText text = new LiveText(UiLanguage.ENGLISH);
        FxEvents events = new FxEvents(ui);
        try (GatewayRunner runner = new GatewayRunner(data, Map.of("listen.port", Integer.toString(port),
                "dns.server", "127.0.0.1:" + dns.port()), events, Clock.systemUTC(), background, state -> { })) {
            runner.start();
            ui.submit(() -> new TrayController(text, runner, events, background, ui,
                    new TrayDecisions(ZoneId.of("UTC")), surface).start()).get();
            await(() -> !shown.isEmpty() && last().running());
            assertEquals("running on 127.0.0.1:" + port, last().status());
            assertEquals("No mail held", last().held());
            assertEquals("Pause the gateway", last().pause());
            assertEquals("Hikyaku: running on 127.0.0.1:" + port + "; no mail held", last().tooltip());

            events.on(new GatewayEvent.Held("m1", Instant.parse("2026-11-23T03:00:00Z")));
            events.on(new GatewayEvent.Held("m1", Instant.parse("2026-11-23T03:01:00Z")));
            events.on(new GatewayEvent.Failed("m2", List.of("a@example.com"), "550 no such user"));
            await(() -> notified.size() == 2);
            assertTrue(notified.get(0).startsWith("INFO Mail held: A message waits until 11/23/26"), notified.get(0));
            assertEquals("ERROR Delivery failed: 1 recipient could not be reached: 550 no such user", notified.get(1));

            background.submit(runner::pause).get();
            await(() -> last().status().equals("paused"));
            assertEquals("Resume the gateway", last().pause());

            ui.submit(() -> text.languageProperty().set(UiLanguage.JAPANESE)).get();
            await(() -> last().status().equals("一時停止中"));
            assertEquals("ゲートウェイを再開", last().pause());

            background.submit(runner::restart).get();
            await(() -> last().running());
            assertEquals(port + " で動作中", last().status().replace("127.0.0.1:", ""));
        }
    }
}
