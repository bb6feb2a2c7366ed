package dev.hikyaku.testworld.ca;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;

/**
 * One leaf key pair per key type for one CA: RSA generation costs tens of milliseconds, and tests need
 * distinct certificates, not distinct keys.
 */
final class KeyPairCache {

    private final SecureRandom random;
    private final Map<KeyType, KeyPair> pairs = new EnumMap<>(KeyType.class);

    KeyPairCache(SecureRandom random) {
        this.random = random;
    }

    synchronized KeyPair get(KeyType type) {
        return pairs.computeIfAbsent(type, t -> t.generate(random));
    }
}
