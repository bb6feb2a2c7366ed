package dev.hikyaku.testworld.ca;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/** The kinds of key a fixture certificate can carry, including a deliberately weak one. */
public enum KeyType {
    /** RSA with a 2048-bit modulus, the usual choice of public mail servers. */
    RSA_2048("RSA"),
    /** ECDSA on the NIST P-256 curve. */
    EC_P256("EC"),
    /** RSA with a 1024-bit modulus, too weak for today; a prober should call it out. */
    RSA_1024("RSA");

    private final String algorithm;
    KeyType(String algorithm) {
        this.algorithm = algorithm;
    }

    /** Whether keys of this type are RSA keys (they also encipher keys, so keyUsage differs). */
    public boolean isRsa() {
        return algorithm.equals("RSA");
    }

    KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            switch (this) {
                case RSA_2048 -> generator.initialize(2048, random);
                case RSA_1024 -> generator.initialize(1024, random);
                case EC_P256 -> generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate " + this + " keys", e);
        }
    }
}
