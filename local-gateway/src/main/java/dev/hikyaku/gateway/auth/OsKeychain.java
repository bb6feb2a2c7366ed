package dev.hikyaku.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Credentials kept in the OS key store: Windows Credential Manager, the macOS Keychain, or the Secret Service
 * (GNOME Keyring, KWallet) on Linux. One entry per upstream server and user, so a changed server never gets
 * another server's password.
 */
public final class OsKeychain implements CredentialKeeper, AutoCloseable {
    private static final String FORMAT = "hikyaku1";

    private final OsKeyStore store;
    private final String service;

    private OsKeychain(OsKeyStore store, String service) {
        this.store = store;
        this.service = service;
    }

    /**
     * The key store of this OS, for passwords of {@code upstream} ({@code host:port}).
     *
     * @throws KeeperException when the OS offers none (e.g. a Linux session without a Secret Service)
     */
    public static OsKeychain open(String upstream) throws KeeperException {
        return new OsKeychain(OsKeyStore.open(), "Hikyaku: " + upstream);
    }

    @Override
    public void keep(Credentials credentials) throws KeeperException {
        char[] secret = credentials.secret();
        try {
            // The entry holds everything needed to replay the AUTH, nothing else.
            store.write(service, credentials.username(), encode(credentials.mechanism(),
                    credentials.authorizationId(), secret));
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    @Override
    public Optional<Credentials> recall(String user) throws KeeperException {
        return store.read(service, user).flatMap(stored -> decode(user, stored));
    }

    @Override
    public void discard(String user) throws KeeperException {
        store.delete(service, user);
    }

    @Override
    public void close() {
        store.close();
    }

    static String encode(AuthMechanism mechanism, String authorizationId, char[] secret) {
        return FORMAT + ":" + mechanism.name() + ":"
                + Base64.getEncoder().encodeToString(authorizationId.getBytes(StandardCharsets.UTF_8)) + ":"
                + new String(secret);
    }

    /** Parses an entry; anything not written by {@link #encode} (edited by hand, another program) is ignored. */
    static Optional<Credentials> decode(String user, String stored) {
        String[] parts = stored.split(":", 4);
        if (parts.length != 4 || !parts[0].equals(FORMAT)) {
            return Optional.empty();
        }
        try {
            AuthMechanism mechanism = AuthMechanism.valueOf(parts[1]);
            String authorizationId = new String(Base64.getDecoder().decode(parts[2]), StandardCharsets.UTF_8);
            return Optional.of(new Credentials(mechanism, authorizationId, user, parts[3].toCharArray()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
