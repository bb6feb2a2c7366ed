package dev.hikyaku.smime.cms;

/** The message digest a signature is computed over. */
public enum DigestAlgorithm {
    /** SHA-256, what every S/MIME 4.0 client verifies (the default). */
    SHA_256("SHA256"),
    /** SHA-512, on request. */
    SHA_512("SHA512");

    private final String jcaPrefix;

    DigestAlgorithm(String jcaPrefix) {
        this.jcaPrefix = jcaPrefix;
    }

    String jcaPrefix() {
        return jcaPrefix;
    }
}
