package dev.hikyaku.smime.expiry;

import dev.hikyaku.smime.text.Notice;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A certificate that expires soon (or has expired) with nothing to take its place.
 *
 * @param whose       the user's own or a contact's
 * @param address     the mailbox it is for
 * @param certificate the certificate
 * @param expiresAt   its notAfter
 * @param daysLeft    whole days until then, negative once past
 */
public record ExpiryWarning(Whose whose, String address, X509Certificate certificate, Instant expiresAt, long daysLeft) {

    /** Whose certificate it is. */
    public enum Whose {
        /** One of the user's own identities: renew it. */
        OWN,
        /** A contact's: encryption to them stops when it expires. */
        CONTACT
    }

    /** What to tell the user. */
    public Notice notice() {
        // Contacts' expired certificates are never chosen, so only the user's own can be reported as past.
        String key = whose == Whose.CONTACT ? "expiry.contact.soon" : daysLeft < 0 ? "expiry.own.expired" : "expiry.own.soon";
        return Notice.of(key, address, LocalDate.ofInstant(expiresAt, ZoneOffset.UTC).toString(), Math.abs(daysLeft));
    }
}
