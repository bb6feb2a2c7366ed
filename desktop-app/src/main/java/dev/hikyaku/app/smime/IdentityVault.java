package dev.hikyaku.app.smime;

import dev.hikyaku.smime.identity.IdentityStore;
import dev.hikyaku.smime.identity.IdentityStoreException;
import dev.hikyaku.smime.identity.StorePassword;
import dev.hikyaku.smime.text.Notice;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Provider;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;

/**
 * The user's identity store for this session: created or unlocked once with the store password, then kept open
 * until the app ends. The password lives only in memory (the store needs it again for every save) and is wiped on
 * {@link #lock()}; it is never written anywhere.
 */
public final class IdentityVault {
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private final Path file;
    private final Clock clock;
    private final SecureRandom random;
    private final int iterations;
    private final List<Consumer<char[]>> unlockedListeners = new CopyOnWriteArrayList<>();
    private char[] password;
    private IdentityStore store;

    /**
     * A vault over the store file.
     *
     * @param iterations PBKDF2 rounds for what the store writes (600,000 in use; tests take fewer)
     */
    public IdentityVault(Path file, Clock clock, SecureRandom random, int iterations) {
        this.file = file;
        this.clock = clock;
        this.random = random;
        this.iterations = iterations;
    }

    /** The vault of the data folder's {@link IdentityStore#FILE_NAME}, shared with the gateway. */
    public static IdentityVault inDataDirectory(Path dataDirectory, Clock clock, SecureRandom random, int iterations) {
        return new IdentityVault(dataDirectory.resolve(IdentityStore.FILE_NAME), clock, random, iterations);
    }

    /**
     * Registers a listener told each time the store is created or unlocked, with a copy of the password that the
     * listener owns (and should wipe). The gateway uses it to open the same store for signing.
     */
    public void onUnlocked(Consumer<char[]> listener) {
        unlockedListeners.add(listener);
    }

    /** Whether the store file exists (else the user is asked to choose a password). */
    public boolean exists() {
        return Files.exists(file);
    }

    /**
     * Creates an empty store protected by the password (a copy is kept; the caller wipes its array).
     *
     * @throws IdentityStoreException when the file exists already or cannot be written
     */
    public IdentityStore create(char[] chosen) throws IdentityStoreException {
        synchronized (this) {
            try {
                writeEmpty(chosen);
            } catch (IOException | PKCSException e) {
                throw new IdentityStoreException(Notice.of("identity.writeFailed", file), e);
            }
        }
        return unlock(chosen);
    }

    /**
     * Opens the store with the password (a copy is kept; the caller wipes its array).
     *
     * @throws IdentityStoreException when the password is wrong or the file is damaged
     */
    public IdentityStore unlock(char[] typed) throws IdentityStoreException {
        IdentityStore opened;
        synchronized (this) {
            char[] kept = typed.clone();
            try {
                opened = IdentityStore.open(file, copyOf(kept), clock, random, iterations);
            } catch (IdentityStoreException e) {
                Arrays.fill(kept, '\0');
                throw e;
            }
            wipe();
            password = kept;
            store = opened;
        }
        for (Consumer<char[]> listener : unlockedListeners) {
            listener.accept(typed.clone());
        }
        return opened;
    }

    /** The open store, once unlocked. */
    public synchronized Optional<IdentityStore> store() {
        return Optional.ofNullable(store);
    }

    /** The store password as the engine asks for it (a fresh copy each time); only while unlocked. */
    public StorePassword password() {
        return () -> {
            synchronized (this) {
                if (password == null) {
                    throw new IllegalStateException("the identity store is locked");
                }
                return password.clone();
            }
        };
    }

    /** Forgets the store and wipes the password. */
    public synchronized void lock() {
        wipe();
        store = null;
    }

    private void wipe() {
        if (password != null) {
            Arrays.fill(password, '\0');
            password = null;
        }
    }

    private static StorePassword copyOf(char[] secret) {
        return secret::clone;
    }

    /** An empty PKCS#12 with an HMAC-SHA-256 integrity check: the password is checked on every later unlock. */
    private void writeEmpty(char[] chosen) throws IOException, PKCSException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
        try {
            restrict(temporary);
            byte[] encoded = new PKCS12PfxPduBuilder()
                    .build(new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256).setIterationCount(iterations)
                                    .setProvider(BOUNCY_CASTLE),
                            chosen)
                    .getEncoded();
            try (OutputStream out = Files.newOutputStream(temporary)) {
                out.write(encoded);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void restrict(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the per-user data folder's own access control applies.
        }
    }
}
