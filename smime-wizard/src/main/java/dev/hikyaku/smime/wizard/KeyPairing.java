package dev.hikyaku.smime.wizard;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Whether a private key belongs to a certificate, by signing a random challenge and verifying it with the
 * certificate's key: a PKCS#12 file can pair any key with any certificate, and the JDK's reader does not look.
 */
final class KeyPairing {

    private KeyPairing() {
    }

    /** True or false when it could be told; empty for a key type the JDK cannot sign with (refused elsewhere). */
    static Optional<Boolean> matches(PrivateKey key, X509Certificate certificate, SecureRandom random) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return Optional.empty();
        }
        byte[] challenge = new byte[32];
        random.nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            return Optional.of(verifier.verify(signature));
        } catch (GeneralSecurityException e) {
            // A key that cannot sign for the certificate's key type does not belong to it.
            return Optional.of(false);
        }
    }
}
