package dev.hikyaku.gateway.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.gateway.auth.KeeperException;
import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.smime.cms.Credential;
import dev.hikyaku.smime.identity.IdentityStore;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityVaultTest {
    private static final String PASSWORD = "vault-Pw-31";

    @TempDir
    Path data;
    private final List<GatewayEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void anUnreachableKeyStoreIsReportedAndTheVaultStaysLocked() throws Exception {
        store();
        Files.write(data.resolve(IdentityVault.REMEMBERED_FILE), new byte[0]);
        IdentityVault vault = new IdentityVault(data, true, () -> {
            throw new KeeperException("no OS key store is available: test", null);
        }, events::add, Clock.systemUTC());
        vault.unlockFromKeychain();
        assertFalse(vault.isUnlocked());
        assertTrue(events.stream().anyMatch(e -> e instanceof GatewayEvent.Problem problem
                && problem.what().equals("identity-keychain")));
    }

    @Test
    void unlockingCompletesWhatWaitsAndLockingMakesItWaitAgain() throws Exception {
        Issued taro = store();
        IdentityVault vault = new IdentityVault(data, false, () -> {
            throw new KeeperException("not asked without the opt-in", null);
        }, events::add, Clock.systemUTC());
        CompletableFuture<IdentityStore> waiting = vault.whenUnlocked();
        assertFalse(waiting.isDone());
        vault.unlock(PASSWORD.toCharArray(), false);
        assertEquals(taro.certificate(), waiting.get(5, TimeUnit.SECONDS).all().get(0).credential().certificate());
        vault.lock();
        assertFalse(vault.isUnlocked());
        assertFalse(vault.whenUnlocked().isDone());
        assertTrue(events.isEmpty(), "no key store was asked: " + events);
    }

    @Test
    void withoutAStoreThereIsNothingToUnlock() {
        IdentityVault vault = new IdentityVault(data, false, () -> {
            throw new KeeperException("unused", null);
        }, events::add, Clock.systemUTC());
        UnlockRefusedException refused = assertThrows(UnlockRefusedException.class,
                () -> vault.unlock(PASSWORD.toCharArray(), false));
        assertEquals("identity.noStore", refused.messageKey());
    }

    private Issued store() throws Exception {
        Issued taro = FixtureCa.create().smime("taro@office.test");
        IdentityStore.open(data.resolve(IdentityStore.FILE_NAME), PASSWORD::toCharArray, Clock.systemUTC(),
                new SecureRandom(), 1000).add(new Credential(taro.key(), taro.chain()));
        return taro;
    }
}
