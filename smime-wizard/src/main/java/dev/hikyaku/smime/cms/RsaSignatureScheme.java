package dev.hikyaku.smime.cms;

/** How an RSA key signs; EC keys always sign with ECDSA. */
public enum RsaSignatureScheme {
    /** RSASSA-PKCS1-v1_5: what every client verifies (the default). */
    PKCS1_V1_5,
    /** RSASSA-PSS with MGF1 over the same digest. */
    PSS
}
