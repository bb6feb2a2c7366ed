package dev.hikyaku.gateway.delivery;

import dev.hikyaku.gateway.auth.Credentials;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which pooled connections may carry a message: those authenticated with the same credentials and speaking
 * the same envelope charset. Holds its own copy of the credentials, so a caller wiping theirs cannot change a
 * key inside the pool.
 */
record PoolKey(Optional<Credentials> credentials, boolean utf8) {

    static PoolKey of(Optional<Credentials> credentials, boolean utf8) {
        return new PoolKey(credentials.map(PoolKey::copy), utf8);
    }

    private static Credentials copy(Credentials original) {
        char[] secret = original.secret();
        try {
            return new Credentials(original.mechanism(), original.authorizationId(), original.username(), secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
