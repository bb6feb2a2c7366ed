package dev.hikyaku.smime.expiry;

import dev.hikyaku.smime.certificate.MailCertificate;
import dev.hikyaku.smime.cms.EncryptionCertificate;
import dev.hikyaku.smime.contacts.ContactCertificates;
import dev.hikyaku.smime.contacts.ContactStoreException;
import dev.hikyaku.smime.identity.Identity;
import dev.hikyaku.smime.identity.IdentityStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds certificates that expire within 30 days with no successor, for the user's own addresses and for contacts.
 *
 * <p>Own: for each address of the user's identities, the identity that lasts longest among those that may sign; a
 * warning when it ends within the window (or has ended) and no other identity of the address lasts beyond it.
 * Contacts: for each address with usable certificates, the one that lasts longest; a warning when it ends within
 * the window. A contact whose certificates have all expired is not warned about again: it simply gets none.
 */
public final class ExpiryWarnings {
    /** How far ahead expiry is announced. */
    public static final Duration AHEAD = Duration.ofDays(30);

    private final Clock clock;

    /** Warnings judged on the clock. */
    public ExpiryWarnings(Clock clock) {
        this.clock = clock;
    }

    /** Warnings for the user's own addresses, soonest first. */
    public List<ExpiryWarning> own(IdentityStore identities) {
        Instant now = clock.instant();
        Set<String> addresses = new LinkedHashSet<>();
        identities.all().forEach(identity -> addresses.addAll(identity.addresses()));
        List<ExpiryWarning> warnings = new ArrayList<>();
        for (String address : addresses) {
            Optional<Identity> longest = identities.history(address).stream()
                    .filter(identity -> identity.certificate().canSign())
                    .max(Comparator.comparing(identity -> identity.certificate().notAfter()));
            longest.filter(identity -> endsSoon(identity.certificate(), now))
                    .ifPresent(identity -> warnings.add(warning(ExpiryWarning.Whose.OWN, address, identity.certificate(), now)));
        }
        warnings.sort(Comparator.comparing(ExpiryWarning::expiresAt));
        return warnings;
    }

    /** Warnings for contacts whose last usable certificate ends soon, soonest first. */
    public List<ExpiryWarning> contacts(ContactCertificates contacts) throws ContactStoreException {
        Instant now = clock.instant();
        List<ExpiryWarning> warnings = new ArrayList<>();
        for (String address : contacts.addresses()) {
            Optional<MailCertificate> longest = contacts.forEncryption(address).stream()
                    .map(EncryptionCertificate::certificate).map(MailCertificate::new)
                    .max(Comparator.comparing(MailCertificate::notAfter));
            longest.filter(certificate -> endsSoon(certificate, now))
                    .ifPresent(certificate -> warnings.add(warning(ExpiryWarning.Whose.CONTACT, address, certificate, now)));
        }
        warnings.sort(Comparator.comparing(ExpiryWarning::expiresAt));
        return warnings;
    }

    private static boolean endsSoon(MailCertificate certificate, Instant now) {
        return certificate.notAfter().isBefore(now.plus(AHEAD));
    }

    private static ExpiryWarning warning(ExpiryWarning.Whose whose, String address, MailCertificate certificate, Instant now) {
        long days = Duration.between(now, certificate.notAfter()).toDays();
        return new ExpiryWarning(whose, address, certificate.certificate(), certificate.notAfter(), days);
    }
}
