package dev.hikyaku.app.smime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.gateway.FreePort;
import dev.hikyaku.app.gateway.GatewayRunner;
import dev.hikyaku.app.gateway.GatewayState;
import dev.hikyaku.gateway.Gateway;
import dev.hikyaku.testworld.dns.DnsWorld;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayIdentitiesTest {
    @TempDir
    Path data;

    private final ExecutorService background = Executors.newCachedThreadPool();
    private final DnsWorld dns = DnsWorld.start();

    @AfterEach
    void stop() throws IOException {
        background.shutdownNow();
        dns.close();
    }

    @Test
    void theStoreUnlockedInTheAppOpensForTheGatewayAndAgainAfterEachRestart() throws Exception {
        try (GatewayRunner runner = new GatewayRunner(data, Map.of("listen.port", Integer.toString(FreePort.pick()),
                "dns.server", "127.0.0.1:" + dns.port()), event -> { }, Clock.systemUTC(), background, state -> { })) {
            runner.start();
            await(() -> runner.state() instanceof GatewayState.Running, "the gateway runs");
            IdentityVault vault = IdentityVault.inDataDirectory(data, Clock.systemUTC(), new SecureRandom(), 1_000);
            new GatewayIdentities(vault, runner, background).start();
            Gateway first = runner.gateway().orElseThrow();
            assertFalse(first.identitiesUnlocked());

            vault.create("long enough secret".toCharArray());
            await(first::identitiesUnlocked, "the gateway got the password chosen in the app");

            new GatewayIdentities(vault, runner, background).wizardFinished();
            await(() -> runner.gateway().filter(gateway -> gateway != first).isPresent(), "the gateway restarted");
            await(() -> runner.gateway().map(Gateway::identitiesUnlocked).orElse(false),
                    "the restarted gateway got it again");

            vault.lock();
            runner.restart();
            await(() -> runner.state() instanceof GatewayState.Running, "running again");
            Thread.sleep(300);
            assertFalse(runner.gateway().orElseThrow().identitiesUnlocked(), "a locked vault hands nothing over");
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean());
    }
}
