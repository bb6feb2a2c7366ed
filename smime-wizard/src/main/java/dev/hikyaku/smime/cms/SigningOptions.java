package dev.hikyaku.smime.cms;

import java.util.Objects;

/**
 * How to sign: packaging, digest and RSA scheme.
 *
 * @param format    detached or opaque
 * @param digest    SHA-256 or SHA-512
 * @param rsaScheme PKCS#1 v1.5 or PSS, for RSA keys only
 */
public record SigningOptions(SignatureFormat format, DigestAlgorithm digest, RsaSignatureScheme rsaScheme) {

    /** Checks that nothing is missing. */
    public SigningOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(rsaScheme, "rsaScheme");
    }

    /** Detached, SHA-256, PKCS#1 v1.5: readable and verifiable everywhere. */
    public static SigningOptions defaults() {
        return new SigningOptions(SignatureFormat.DETACHED, DigestAlgorithm.SHA_256, RsaSignatureScheme.PKCS1_V1_5);
    }

    /** The same options with another packaging. */
    public SigningOptions withFormat(SignatureFormat other) {
        return new SigningOptions(other, digest, rsaScheme);
    }

    /** The same options with another digest. */
    public SigningOptions withDigest(DigestAlgorithm other) {
        return new SigningOptions(format, other, rsaScheme);
    }

    /** The same options with another RSA scheme. */
    public SigningOptions withRsaScheme(RsaSignatureScheme other) {
        return new SigningOptions(format, digest, other);
    }
}
