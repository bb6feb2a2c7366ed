package dev.hikyaku.gateway.smime;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the gateway uses S/MIME (what to sign is the wizard's {@code smime.conf}; see {@link SigningRule}).
 *
 * @param encrypt         whether a group whose every recipient has a known, valid certificate is S/MIME-encrypted
 * @param trustCa         a PEM file of extra roots (a company CA) that contacts' certificates may chain to
 * @param keychain        whether the identity store's password is kept in the OS key store (as if every unlock
 *                        asked to remember it)
 * @param forwardReadable whether encrypted content the user's keys open is decrypted for the new recipients
 * @param checkRevocation whether contacts' and signers' certificates are checked with their CA's OCSP responder or
 *                        CRL (named in the certificate) before mail is encrypted to them or a signer is trusted
 */
public record SmimeSettings(boolean encrypt, Optional<Path> trustCa, boolean keychain, boolean forwardReadable,
                            boolean checkRevocation) {

    /** The CRL cache's folder in the data folder. */
    public static final String CRL_CACHE = "crl-cache";

    /** Encryption settings, with the keychain off, forward-readable on and revocation checked. */
    public SmimeSettings(boolean encrypt, Optional<Path> trustCa) {
        this(encrypt, trustCa, false, true, true);
    }

    /** Encrypt when possible, the system's roots only, no keychain, forward readable. */
    public static SmimeSettings defaults() {
        return new SmimeSettings(true, Optional.empty());
    }
}
