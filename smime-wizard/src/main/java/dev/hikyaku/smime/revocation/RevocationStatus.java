package dev.hikyaku.smime.revocation;

import java.time.Instant;

/** What is known about a certificate's revocation; a status is never guessed. */
public sealed interface RevocationStatus {

    /** A revocation source answered that the certificate is not revoked. */
    record Good(String source) implements RevocationStatus {
    }

    /** A revocation source answered that the certificate was revoked at the given time. */
    record Revoked(String source, Instant revokedAt) implements RevocationStatus {
    }

    /** Nobody could be asked (offline, no distribution point, no answer): reported to the user, not fatal. */
    record NotChecked(Reason reason) implements RevocationStatus {
    }

    /** Why revocation was not checked. */
    enum Reason {
        /** Revocation checking is switched off or the machine is offline. */
        OFFLINE,
        /** The certificate names no CRL distribution point or OCSP responder. */
        NO_SOURCE,
        /** A source was named but did not answer in time, or answered with an HTTP error or "try later". */
        UNREACHABLE,
        /** A source answered, but not trustworthily: bad signature, stale, replayed nonce, not about this certificate. */
        INVALID_ANSWER,
        /** The OCSP responder answered "unknown" (it does not know the certificate) and no CRL settled it. */
        UNKNOWN_TO_SOURCE
    }
}
