package dev.hikyaku.smime.wizard;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;

/**
 * The key that signs every request to an ACME CA (the account key, not the certificate's), kept encrypted like the
 * pending key until the certificate is in. RSA, because the public half follows from the saved private key (its
 * modulus and exponent), so only the encrypted private key needs keeping.
 */
final class AcmeAccountKey {
    private static final int BITS = 2048;

    private final PendingKey file;
    private final SecureRandom random;

    AcmeAccountKey(PendingKey file, SecureRandom random) {
        this.file = file;
        this.random = random;
    }

    /** A new key, saved before it is used, so that the account it opens can be reached after a restart. */
    KeyPair create() throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(BITS, RSAKeyGenParameterSpec.F4), random);
            KeyPair pair = generator.generateKeyPair();
            file.save(pair.getPrivate());
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make an RSA key", e);
        }
    }

    KeyPair load() throws IOException {
        PrivateKey key = file.load();
        if (!(key instanceof RSAPrivateCrtKey rsa)) {
            throw new IOException("the ACME account key is not an RSA key");
        }
        try {
            return new KeyPair(KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent())), key);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot rebuild the ACME account's public key", e);
        }
    }

    void delete() throws IOException {
        file.delete();
    }
}
