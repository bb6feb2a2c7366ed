package dev.hikyaku.gateway.identity;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import dev.hikyaku.gateway.auth.KeeperException;
import java.util.Optional;

/**
 * The identity store's password in the OS key store (Windows Credential Manager, the macOS Keychain, the Secret
 * Service on Linux): one entry, under the service name {@value #SERVICE}.
 */
public final class OsPasswordKeeper implements PasswordKeeper, AutoCloseable {
    /** The entry's service name, as the OS's key store manager shows it. */
    public static final String SERVICE = "Hikyaku: S/MIME identities";
    private static final String ACCOUNT = "identities.p12";

    private final Keyring keyring;

    private OsPasswordKeeper(Keyring keyring) {
        this.keyring = keyring;
    }

    /**
     * The key store of this OS.
     *
     * @throws KeeperException when the OS offers none (e.g. a Linux session without a Secret Service)
     */
    public static OsPasswordKeeper open() throws KeeperException {
        try {
            return new OsPasswordKeeper(Keyring.create());
        } catch (BackendNotSupportedException | RuntimeException e) {
            throw new KeeperException("no OS key store is available: " + e.getMessage(), e);
        }
    }

    @Override
    public void keep(char[] password) throws KeeperException {
        try {
            // The library takes a String; it lives only as long as this call needs it.
            keyring.setPassword(SERVICE, ACCOUNT, new String(password));
        } catch (PasswordAccessException | RuntimeException e) {
            throw new KeeperException("the OS key store refused to keep the password: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<char[]> recall() throws KeeperException {
        try {
            String stored = keyring.getPassword(SERVICE, ACCOUNT);
            return stored == null ? Optional.empty() : Optional.of(stored.toCharArray());
        } catch (PasswordAccessException e) {
            // The library reports "no such entry" this way as well.
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new KeeperException("the OS key store could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void discard() throws KeeperException {
        try {
            keyring.deletePassword(SERVICE, ACCOUNT);
        } catch (PasswordAccessException e) {
            // Nothing was kept: the wanted end state.
        } catch (RuntimeException e) {
            throw new KeeperException("the OS key store could not remove the password: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            keyring.close();
        } catch (Exception e) {
            // Closing the native session is best effort; nothing is lost.
        }
    }
}
