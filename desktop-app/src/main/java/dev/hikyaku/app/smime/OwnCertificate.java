package dev.hikyaku.app.smime;

import dev.hikyaku.smime.expiry.ExpiryWarning;
import dev.hikyaku.smime.identity.Identity;
import java.time.Instant;
import java.util.Optional;

/**
 * One of the user's own certificates as the list shows it.
 *
 * @param identity the key and chain
 * @param state    current, replaced by a newer one, or expired (kept to decrypt old mail)
 * @param warning  the expiry warning when it ends within 30 days with nothing to take its place
 */
record OwnCertificate(Identity identity, State state, Optional<ExpiryWarning> warning) {

    /** Where the certificate stands in the address's history. */
    enum State {
        /** The one that signs for its address now. */
        CURRENT,
        /** Still valid, but a newer certificate signs now. */
        RENEWED,
        /** Past its end: kept so that mail sent to it can still be read. */
        EXPIRED
    }

    String addresses() {
        return String.join(", ", identity.addresses());
    }

    String issuer() {
        return CertificateNames.issuer(identity.credential().certificate());
    }

    Instant validUntil() {
        return identity.certificate().notAfter();
    }
}
