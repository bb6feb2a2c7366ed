package dev.hikyaku.smime.baseline;

/** Who issued the certificate, which decides how strictly the Baseline Requirements apply. */
public enum Issuer {
    /** A publicly trusted CA: bound by the CA/Browser Forum S/MIME Baseline Requirements. */
    PUBLIC_CA,
    /**
     * A company's own CA: not bound by them, so a missing S/MIME policy or a long validity is a warning; key, usage,
     * address and chain are checked as strictly, since mail clients need them all the same.
     */
    PRIVATE_CA
}
