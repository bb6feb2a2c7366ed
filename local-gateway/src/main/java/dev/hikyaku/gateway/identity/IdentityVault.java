package dev.hikyaku.gateway.identity;

import dev.hikyaku.gateway.auth.KeeperException;
import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.events.GatewayListener;
import dev.hikyaku.smime.identity.IdentityStore;
import dev.hikyaku.smime.identity.IdentityStoreException;
import dev.hikyaku.smime.identity.StorePassword;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The user's S/MIME identity store, locked or unlocked. Unlocking needs the password the user chose in the app; it
 * is never written to Hikyaku's files and not even held in memory once the store is read. When the user asked to
 * remember it (or {@code smime.keychain = yes}), the OS key store keeps it and the next start unlocks from there; a
 * marker file without any secret ({@value #REMEMBERED_FILE}) says that the user asked.
 */
public final class IdentityVault implements AutoCloseable {
    /** The marker in the data folder saying that the password is in the OS key store. */
    public static final String REMEMBERED_FILE = "identities.keychain";

    private final Path storeFile;
    private final Path marker;
    private final boolean keychainConfigured;
    private final KeeperSource keeperSource;
    private final GatewayListener events;
    private final Clock clock;
    private final Set<String> announced = ConcurrentHashMap.newKeySet();
    private final List<Runnable> unlockListeners = new CopyOnWriteArrayList<>();
    private PasswordKeeper keeper;
    private volatile IdentityStore store;
    private CompletableFuture<IdentityStore> unlocked = new CompletableFuture<>();

    /**
     * A locked vault for the store in {@code dataDirectory}; {@code keychainConfigured} is {@code smime.keychain}.
     */
    public IdentityVault(Path dataDirectory, boolean keychainConfigured, KeeperSource keeperSource,
                         GatewayListener events, Clock clock) {
        this.storeFile = dataDirectory.resolve(IdentityStore.FILE_NAME);
        this.marker = dataDirectory.resolve(REMEMBERED_FILE);
        this.keychainConfigured = keychainConfigured;
        this.keeperSource = keeperSource;
        this.events = events;
        this.clock = clock;
    }

    /**
     * At start: unlocks with the password the OS key store kept, when the user opted in. A key store that cannot be
     * reached, or a kept password that no longer opens the store, is reported as a problem and the vault stays locked.
     */
    public void unlockFromKeychain() {
        if (!(keychainConfigured || Files.exists(marker)) || !Files.exists(storeFile)) {
            return;
        }
        Optional<char[]> kept;
        try {
            kept = keeper().recall();
        } catch (KeeperException e) {
            events.on(new GatewayEvent.Problem("identity-keychain", e.getMessage()));
            return;
        }
        if (kept.isEmpty()) {
            return;
        }
        try {
            open(kept.get());
        } catch (UnlockRefusedException e) {
            events.on(new GatewayEvent.Problem("identity-keychain", e.getMessage()));
        }
    }

    /**
     * Unlocks the store with {@code password} (wiped before this returns). With {@code remember}, or when
     * {@code smime.keychain = yes}, the OS key store keeps the password for the next start; without, a password kept
     * before is removed from it. A key store that refuses is reported; the store is unlocked all the same.
     *
     * @throws UnlockRefusedException when there is no store yet or the password does not open it
     */
    public void unlock(char[] password, boolean remember) throws UnlockRefusedException {
        try {
            if (!Files.exists(storeFile)) {
                throw new UnlockRefusedException("identity.noStore", null);
            }
            open(password.clone());
            rememberOrForget(password, remember || keychainConfigured);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void rememberOrForget(char[] password, boolean remember) {
        try {
            if (remember) {
                keeper().keep(password);
                Files.write(marker, new byte[0]);
            } else if (Files.exists(marker)) {
                keeper().discard();
                Files.deleteIfExists(marker);
            }
        } catch (KeeperException e) {
            events.on(new GatewayEvent.Problem("identity-keychain", e.getMessage()));
        } catch (IOException e) {
            events.on(new GatewayEvent.Problem("identity-keychain", "the marker " + marker + " cannot be written: "
                    + e.getMessage()));
        }
    }

    /** Reads the store with {@code password}, which it wipes. */
    private void open(char[] password) throws UnlockRefusedException {
        IdentityStore opened;
        try {
            opened = IdentityStore.open(storeFile, new ReadOnce(password), clock);
        } catch (IdentityStoreException e) {
            String key = "pkcs12.wrongPassword".equals(e.notice().key()) ? "identity.wrongPassword"
                    : "identity.unreadable";
            throw new UnlockRefusedException(key, e);
        } finally {
            Arrays.fill(password, '\0');
        }
        CompletableFuture<IdentityStore> waiting;
        synchronized (this) {
            store = opened;
            waiting = unlocked;
            announced.clear();
        }
        waiting.complete(opened);
        unlockListeners.forEach(Runnable::run);
    }

    /** Forgets the unlocked store; what the OS key store keeps stays for the next start. */
    public synchronized void lock() {
        if (store != null) {
            store = null;
            unlocked = new CompletableFuture<>();
        }
    }

    /** Whether the store is unlocked. */
    public boolean isUnlocked() {
        return store != null;
    }

    /** The unlocked store, if it is. */
    public Optional<IdentityStore> store() {
        return Optional.ofNullable(store);
    }

    /** The store once it is unlocked (at once when it is). */
    public synchronized CompletableFuture<IdentityStore> whenUnlocked() {
        return store != null ? CompletableFuture.completedFuture(store) : unlocked;
    }

    /** Tells the app, once per message until the next unlock, that {@code messageId} waits for the password. */
    public void announceLocked(String messageId, String address) {
        if (announced.add(messageId)) {
            events.on(new GatewayEvent.IdentityLocked(messageId, address));
        }
    }

    /** Calls {@code listener} after every unlock, so waiting mail can go. */
    public void onUnlock(Runnable listener) {
        unlockListeners.add(listener);
    }

    private synchronized PasswordKeeper keeper() throws KeeperException {
        if (keeper == null) {
            keeper = keeperSource.open();
        }
        return keeper;
    }

    @Override
    public synchronized void close() throws Exception {
        lock();
        if (keeper instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** Hands the password to the store's first read only: the gateway never writes the store. */
    private static final class ReadOnce implements StorePassword {
        private char[] password;

        ReadOnce(char[] password) {
            this.password = password.clone();
        }

        @Override
        public synchronized char[] password() {
            if (password == null) {
                throw new IllegalStateException("the gateway does not change the identity store");
            }
            char[] handed = password;
            password = null;
            return handed;
        }
    }
}
