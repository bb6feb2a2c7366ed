package dev.hikyaku.gateway.identity;

import dev.hikyaku.gateway.auth.KeeperException;
import dev.hikyaku.gateway.auth.OsKeyStore;
import java.util.Optional;

/**
 * The identity store's password in the OS key store (Windows Credential Manager, the macOS Keychain, the Secret
 * Service on Linux): one entry, under the service name {@value #SERVICE}.
 */
public final class OsPasswordKeeper implements PasswordKeeper, AutoCloseable {
    /** The entry's service name, as the OS's key store manager shows it. */
    public static final String SERVICE = "Hikyaku: S/MIME identities";
    private static final String ACCOUNT = "identities.p12";

    private final OsKeyStore store;

    private OsPasswordKeeper(OsKeyStore store) {
        this.store = store;
    }

    /**
     * The key store of this OS.
     *
     * @throws KeeperException when the OS offers none (e.g. a Linux session without a Secret Service)
     */
    public static OsPasswordKeeper open() throws KeeperException {
        return new OsPasswordKeeper(OsKeyStore.open());
    }

    @Override
    public void keep(char[] password) throws KeeperException {
        store.write(SERVICE, ACCOUNT, new String(password));
    }

    @Override
    public Optional<char[]> recall() throws KeeperException {
        return store.read(SERVICE, ACCOUNT).map(String::toCharArray);
    }

    @Override
    public void discard() throws KeeperException {
        store.delete(SERVICE, ACCOUNT);
    }

    @Override
    public void close() {
        store.close();
    }
}
