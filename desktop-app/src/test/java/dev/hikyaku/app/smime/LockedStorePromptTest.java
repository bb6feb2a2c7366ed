package dev.hikyaku.app.smime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hikyaku.gateway.events.GatewayEvent;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockedStorePromptTest {
    @TempDir
    Path data;

    @Test
    void theStoreTabComesForwardOnlyWhileTheStoreIsLockedAndOnlyForTheKeysEvent() throws Exception {
        IdentityVault vault = IdentityVault.inDataDirectory(data, Clock.systemUTC(), new SecureRandom(), 1_000);
        AtomicInteger shown = new AtomicInteger();
        LockedStorePrompt prompt = new LockedStorePrompt(vault, shown::incrementAndGet);

        prompt.accept(new GatewayEvent.IdentityLocked("m1", "taro@office.test"));
        assertEquals(1, shown.get(), "locked: the user is asked");
        prompt.accept(new GatewayEvent.WaitingForCredentials("taro"));
        assertEquals(1, shown.get(), "another event asks nothing");

        vault.create("long enough secret".toCharArray());
        prompt.accept(new GatewayEvent.IdentityLocked("m2", "taro@office.test"));
        assertEquals(1, shown.get(), "unlocked here: the hand-over reaches the gateway without asking again");
    }
}
