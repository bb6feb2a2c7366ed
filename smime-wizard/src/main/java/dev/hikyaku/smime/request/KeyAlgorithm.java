package dev.hikyaku.smime.request;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;

/** The key types a user may choose for an S/MIME identity, with the signature algorithm each implies. */
public enum KeyAlgorithm {
    /** RSA 3072: what every mail client can verify and encrypt to (the default). */
    RSA_3072("RSA", "SHA256withRSA"),
    /** RSA 2048: the minimum public CAs still accept; quicker to generate. */
    RSA_2048("RSA", "SHA256withRSA"),
    /** ECDSA on P-256: small and fast, but older Outlook builds cannot encrypt to it. */
    EC_P256("EC", "SHA256withECDSA");

    private final String jcaName;
    private final String signatureAlgorithm;

    KeyAlgorithm(String jcaName, String signatureAlgorithm) {
        this.jcaName = jcaName;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** The JCA signature algorithm name used to sign a request made with this key. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** Generates a fresh key pair of this type. */
    public KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(jcaName);
            switch (this) {
                case RSA_3072 -> generator.initialize(new RSAKeyGenParameterSpec(3072, RSAKeyGenParameterSpec.F4), random);
                case RSA_2048 -> generator.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), random);
                case EC_P256 -> generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            }
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + jcaName + ", which Java 17 always provides", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot initialise " + name() + " key generation", e);
        }
    }
}
