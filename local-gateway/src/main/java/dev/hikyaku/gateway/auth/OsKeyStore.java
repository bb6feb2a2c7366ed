package dev.hikyaku.gateway.auth;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;

/**
 * The OS key store (Windows Credential Manager, the macOS Keychain, the Secret Service on Linux) as entries of text
 * under a service name and an account, with the library's failures turned into {@link KeeperException}s.
 */
public final class OsKeyStore implements AutoCloseable {
    private final Keyring keyring;

    private OsKeyStore(Keyring keyring) {
        this.keyring = keyring;
    }

    /**
     * The key store of this OS.
     *
     * @throws KeeperException when the OS offers none (e.g. a Linux session without a Secret Service)
     */
    public static OsKeyStore open() throws KeeperException {
        try {
            return new OsKeyStore(Keyring.create());
        } catch (BackendNotSupportedException | RuntimeException e) {
            throw new KeeperException("no OS key store is available: " + e.getMessage(), e);
        }
    }

    /** Keeps {@code value} (the library takes a String; it lives only as long as this call needs it). */
    public void write(String service, String account, String value) throws KeeperException {
        try {
            keyring.setPassword(service, account, value);
        } catch (PasswordAccessException | RuntimeException e) {
            throw new KeeperException("the OS key store refused to keep the password: " + e.getMessage(), e);
        }
    }

    /** The entry's value, if there is one. */
    public Optional<String> read(String service, String account) throws KeeperException {
        try {
            return Optional.ofNullable(keyring.getPassword(service, account));
        } catch (PasswordAccessException e) {
            // The library reports "no such entry" this way as well.
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new KeeperException("the OS key store could not be read: " + e.getMessage(), e);
        }
    }

    /** Removes the entry; one that is not there is the wanted end state. */
    public void delete(String service, String account) throws KeeperException {
        try {
            keyring.deletePassword(service, account);
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
