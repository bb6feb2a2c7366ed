package dev.hikyaku.gateway.auth;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a mail client proved itself with, held in memory only so it can be replayed to the upstream server.
 * {@link #toString()} never shows the secret, so a stray log line cannot leak it.
 *
 * @param mechanism       how the client authenticated
 * @param authorizationId the PLAIN authorization identity, empty when the client gave none
 * @param username        the user name (the account's address for XOAUTH2)
 * @param secret          the password, or the OAuth2 bearer token for XOAUTH2
 */
public record Credentials(AuthMechanism mechanism, String authorizationId, String username, char[] secret) {

    /** Validated copy; the secret array is copied so the caller may wipe its own. */
    public Credentials {
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(authorizationId, "authorizationId");
        Objects.requireNonNull(username, "username");
        secret = Objects.requireNonNull(secret, "secret").clone();
    }

    @Override
    public char[] secret() {
        return secret.clone();
    }

    /** Overwrites the secret in memory once these credentials are no longer wanted. */
    public void wipe() {
        Arrays.fill(secret, '\0');
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Credentials that && mechanism == that.mechanism
                && authorizationId.equals(that.authorizationId) && username.equals(that.username)
                && Arrays.equals(secret, that.secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mechanism, authorizationId, username, Arrays.hashCode(secret));
    }

    @Override
    public String toString() {
        return "Credentials[" + mechanism + ", user=" + username + ", secret=***]";
    }
}
