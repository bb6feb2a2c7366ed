package dev.hikyaku.smime.identity;

/** How a PKCS#12 file is protected. */
public enum Pkcs12Format {
    /** AES-256-CBC with PBKDF2-HMAC-SHA256 for keys and certificates, HMAC-SHA256 MAC: Windows 10 1709+, macOS, OpenSSL 1.1+, Thunderbird. */
    MODERN,
    /**
     * Triple-DES (pbeWithSHAAnd3-KeyTripleDES-CBC) for keys and certificates, HMAC-SHA1 MAC, 2048 iterations:
     * for Windows 7/8 and older Outlook, which cannot read AES-protected files. Weak; only for moving a key over.
     */
    LEGACY
}
