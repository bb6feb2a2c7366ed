package dev.hikyaku.smime.contacts;

import dev.hikyaku.smime.certificate.MailCertificate;
import dev.hikyaku.smime.cms.Capabilities;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A contact's certificate as the store knows it.
 *
 * @param certificate    the certificate
 * @param chain          the certificates offered above it
 * @param trusted        whether a chain to a trusted root was found when it was last offered, or its source vouches
 * @param capabilities   what the owner's client last advertised with it
 * @param firstSeen      when it was first offered
 * @param lastSeen       when it was last offered
 * @param lastSignedMail when a verified signed mail last carried it, if ever
 * @param revokedAt      when it was found revoked, if it was
 * @param sources        the kinds of source it came from
 */
public record ContactCertificate(X509Certificate certificate, List<X509Certificate> chain, boolean trusted,
                                 Capabilities capabilities, Instant firstSeen, Instant lastSeen,
                                 Optional<Instant> lastSignedMail, Optional<Instant> revokedAt, List<String> sources) {

    /** Copies the lists. */
    public ContactCertificate {
        chain = List.copyOf(chain);
        sources = List.copyOf(sources);
    }

    /** The certificate read as a mail certificate. */
    public MailCertificate mail() {
        return new MailCertificate(certificate);
    }

    /** Whether mail may be encrypted to it at the instant: trusted, meant for it, in its validity window, not revoked. */
    public boolean usableAt(Instant instant) {
        return trusted && revokedAt.isEmpty() && mail().canEncrypt() && mail().isValidAt(instant);
    }
}
