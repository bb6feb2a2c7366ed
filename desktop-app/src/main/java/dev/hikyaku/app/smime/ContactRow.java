package dev.hikyaku.app.smime;

import dev.hikyaku.smime.contacts.ContactCertificate;
import java.time.Instant;

/**
 * A contact's certificate as the list shows it.
 *
 * @param address     the contact's address
 * @param certificate what the store knows
 * @param usable      whether mail to the address can be encrypted to it now
 * @param expiring    whether it is the contact's last usable certificate and ends within 30 days
 */
record ContactRow(String address, ContactCertificate certificate, boolean usable, boolean expiring) {

    String issuer() {
        return CertificateNames.issuer(certificate.certificate());
    }

    Instant validUntil() {
        return certificate.mail().notAfter();
    }

    String sources() {
        return String.join(", ", certificate.sources());
    }
}
