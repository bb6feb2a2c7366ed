package dev.hikyaku.smime.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hikyaku.smime.cms.Capabilities;
import dev.hikyaku.smime.cms.Credential;
import dev.hikyaku.smime.contacts.ContactCertificates;
import dev.hikyaku.smime.contacts.Source;
import dev.hikyaku.smime.identity.IdentityStore;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import dev.hikyaku.testworld.ca.Validity;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thirty-day expiry warnings for own and contacts' certificates. */
class ExpiryWarningsTest {
    private static final Instant NOW = Instant.parse("2030-06-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final FixtureCa ca = FixtureCa.create(CLOCK);

    @TempDir
    Path directory;

    @Test
    void ownCertificateEndingWithinThirtyDaysWithoutSuccessorIsAnnounced() throws Exception {
        IdentityStore store = IdentityStore.open(directory.resolve("own.p12"), "pw"::toCharArray, CLOCK, new SecureRandom(), 1_024);
        store.add(credential(ca.issue(ca.smimeSpec("alice@example.test").withFreshKey().withValidity(until(29)))));
        store.add(credential(ca.issue(ca.smimeSpec("carol@example.test").withFreshKey().withValidity(until(31)))));
        store.add(credential(ca.issue(ca.smimeSpec("dave@example.test").withFreshKey().withValidity(until(10)))));
        store.add(credential(ca.issue(ca.smimeSpec("dave@example.test").withFreshKey().withValidity(until(400)))));
        store.add(credential(ca.issue(ca.smimeSpec("erin@example.test").withFreshKey().withValidity(until(-3)))));

        List<ExpiryWarning> warnings = new ExpiryWarnings(CLOCK).own(store);

        assertEquals(List.of("erin@example.test", "alice@example.test"), warnings.stream().map(ExpiryWarning::address).toList());
        assertEquals(List.of(-3L, 29L), warnings.stream().map(ExpiryWarning::daysLeft).toList());
        assertEquals("expiry.own.expired", warnings.get(0).notice().key());
        assertEquals("Your certificate for alice@example.test expires on 2030-06-30 (in 29 days). Get a new one before"
                + " then, or you can no longer sign or receive encrypted mail.", warnings.get(1).notice().text(Locale.ENGLISH));
    }

    @Test
    void contactWhoseLastUsableCertificateEndsSoonIsAnnounced() throws Exception {
        try (ContactCertificates contacts = ContactCertificates.open(directory.resolve("contacts.db"),
                Set.of(new TrustAnchor(ca.root(), null)), CLOCK)) {
            offer(contacts, ca.issue(ca.smimeSpec("bob@example.test").withFreshKey().withValidity(until(5))));
            offer(contacts, ca.issue(ca.smimeSpec("frank@example.test").withFreshKey().withValidity(until(5))));
            offer(contacts, ca.issue(ca.smimeSpec("frank@example.test").withFreshKey().withValidity(until(300))));

            List<ExpiryWarning> warnings = new ExpiryWarnings(CLOCK).contacts(contacts);

            assertEquals(1, warnings.size());
            assertEquals("bob@example.test", warnings.get(0).address());
            assertEquals("bob@example.test さんの証明書は 2030-06-06 に期限が切れます（あと 5 日）。その後は、新しい証明書で署名したメールが届くまで暗号化して送れません。",
                    warnings.get(0).notice().text(Locale.JAPANESE));
        }
    }

    private static void offer(ContactCertificates contacts, Issued issued) throws Exception {
        contacts.offer(issued.chain().toArray(X509Certificate[]::new), new Source.SignedMail(Capabilities.NONE), NOW);
    }

    private static Validity until(int days) {
        return new Validity(NOW.minus(Duration.ofDays(200)), NOW.plus(Duration.ofDays(days)));
    }

    private static Credential credential(Issued issued) {
        return new Credential(issued.key(), issued.chain());
    }
}
