package dev.hikyaku.smime.revocation;

import java.security.cert.X509Certificate;
import java.time.Instant;

/** Asks whether a certificate was revoked; implementations say {@link RevocationStatus.NotChecked} rather than guess. */
@FunctionalInterface
public interface RevocationChecker {

    /**
     * The revocation status of the certificate at the instant.
     *
     * @param certificate the certificate in question
     * @param issuer      the certificate that signed it (it signs its CRLs and OCSP answers too)
     * @param at          when it had to be valid (the signing time for a signature)
     */
    RevocationStatus check(X509Certificate certificate, X509Certificate issuer, Instant at);

    /** A checker that never asks anyone: every certificate is "not checked (offline)". */
    static RevocationChecker offline() {
        return (certificate, issuer, at) -> new RevocationStatus.NotChecked(RevocationStatus.Reason.OFFLINE);
    }
}
