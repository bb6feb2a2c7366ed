package dev.hikyaku.smime.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.smime.cms.Capabilities;
import dev.hikyaku.smime.cms.ContentCipher;
import dev.hikyaku.smime.cms.EncryptionCertificate;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import dev.hikyaku.testworld.ca.KeyType;
import dev.hikyaku.testworld.ca.Signer;
import dev.hikyaku.testworld.ca.Validity;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contact certificate store: the one entry point for sources, and the documented choice rules. */
class ContactCertificatesTest {
    private static final Instant NOW = Instant.parse("2030-06-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String BOB = "bob@example.test";
    private static final Source.SignedMail PLAIN_MAIL = new Source.SignedMail(Capabilities.NONE);

    private final FixtureCa ca = FixtureCa.create(CLOCK);

    @TempDir
    Path directory;

    private ContactCertificates contacts;

    @BeforeEach
    void open() throws Exception {
        contacts = ContactCertificates.open(directory.resolve("contacts.db"), Set.of(new TrustAnchor(ca.root(), null)), CLOCK);
    }

    @AfterEach
    void close() throws Exception {
        contacts.close();
    }

    @Test
    void offeredCertificateIsChosenAndKeptAcrossReopening() throws Exception {
        Issued bob = ca.issue(ca.smimeSpec(BOB).withSigner(Signer.INTERMEDIATE));

        assertEquals(OfferOutcome.Result.ADDED, contacts.offer(array(bob.chain()), PLAIN_MAIL, NOW).result());
        assertEquals(OfferOutcome.Result.SEEN_AGAIN,
                contacts.offer(array(bob.chain()), new Source.Directory("ldap://127.0.0.1"), NOW).result());
        contacts.close();
        open();

        assertEquals(List.of(bob.certificate()), certificates(contacts.forEncryption("Bob@Example.TEST")));
        ContactCertificate stored = contacts.all(BOB).get(0);
        assertEquals(List.of(ca.intermediate()), stored.chain());
        assertEquals(List.of("ldap", "signed-mail"), stored.sources());
    }

    @Test
    void expiredRevokedUntrustedAndSigningOnlyCertificatesAreNeverEncryptedTo() throws Exception {
        Issued expired = ca.issue(ca.smimeSpec(BOB).withFreshKey().withValidity(Validity.expired(CLOCK)));
        Issued revoked = ca.issue(ca.smimeSpec(BOB).withFreshKey());
        Issued untrusted = FixtureCa.create(CLOCK).smime(BOB);
        Issued good = ca.issue(ca.smimeSpec(BOB).withFreshKey());
        for (Issued issued : List.of(expired, revoked, untrusted, good)) {
            contacts.offer(array(issued.chain()), PLAIN_MAIL, NOW.minus(Duration.ofDays(40)));
        }
        contacts.markRevoked(contacts.all(BOB).stream().filter(c -> c.certificate().equals(revoked.certificate()))
                .findFirst().orElseThrow().mail().fingerprint(), NOW);

        assertEquals(List.of(good.certificate()), certificates(contacts.forEncryption(BOB)));
        assertEquals(4, contacts.all(BOB).size());
    }

    @Test
    void smimeaVouchesForACertificateWithoutAChain() throws Exception {
        Issued selfSigned = ca.issue(ca.smimeSpec(BOB).withSigner(Signer.SELF_SIGNED));

        contacts.offer(array(selfSigned.chain()), PLAIN_MAIL, NOW);
        assertEquals(List.of(), contacts.forEncryption(BOB));

        contacts.offer(array(selfSigned.chain()), new Source.Smimea("example.test"), NOW);
        assertEquals(List.of(selfSigned.certificate()), certificates(contacts.forEncryption(BOB)));
    }

    @Test
    void renewalOnTheSameKeyCountsOnceAndTheLongerOneWins() throws Exception {
        Issued shorter = ca.issue(ca.smimeSpec(BOB).withValidity(Validity.current(CLOCK, Duration.ofDays(60))));
        Issued longer = ca.issue(ca.smimeSpec(BOB).withValidity(Validity.current(CLOCK, Duration.ofDays(400))));
        contacts.offer(array(shorter.chain()), PLAIN_MAIL, NOW);
        contacts.offer(array(longer.chain()), PLAIN_MAIL, NOW);

        assertEquals(List.of(longer.certificate()), certificates(contacts.forEncryption(BOB)));
    }

    @Test
    void everyValidKeyIsUsedTheOneLastSeenInSignedMailFirst() throws Exception {
        Issued rsa = ca.issue(ca.smimeSpec(BOB).withFreshKey().withValidity(Validity.current(CLOCK, Duration.ofDays(700))));
        Issued ec = ca.issue(ca.smimeSpec(BOB).withKeyType(KeyType.EC_P256).withFreshKey());
        Issued fromDirectory = ca.issue(ca.smimeSpec(BOB).withFreshKey().withValidity(Validity.current(CLOCK, Duration.ofDays(900))));
        contacts.offer(array(rsa.chain()), PLAIN_MAIL, NOW.minus(Duration.ofDays(9)));
        contacts.offer(array(ec.chain()), new Source.SignedMail(Capabilities.ours()), NOW.minus(Duration.ofDays(1)));
        contacts.offer(array(fromDirectory.chain()), new Source.Directory("ldap://127.0.0.1"), NOW);

        List<EncryptionCertificate> chosen = contacts.forEncryption(BOB);

        assertEquals(List.of(ec.certificate(), rsa.certificate(), fromDirectory.certificate()), certificates(chosen));
        assertTrue(chosen.get(0).capabilities().lists(ContentCipher.AES_256_GCM));
        assertEquals(Capabilities.NONE, chosen.get(2).capabilities());
    }

    @Test
    void capabilitiesFollowTheNewestSignatureNotTheLastOffered() throws Exception {
        Issued bob = ca.smime(BOB);
        contacts.offer(array(bob.chain()), new Source.SignedMail(Capabilities.ours()), NOW);
        // An old mail harvested later advertised less; it must not override what the newer one said.
        contacts.offer(array(bob.chain()), PLAIN_MAIL, NOW.minus(Duration.ofDays(100)));

        assertEquals(Capabilities.ours(), contacts.forEncryption(BOB).get(0).capabilities());
        assertEquals(NOW.minus(Duration.ofDays(100)), contacts.all(BOB).get(0).firstSeen());
    }

    @Test
    void certificatesNotForMailAreRejectedWithAReason() throws Exception {
        Issued server = ca.server("mx.example.test");
        OfferOutcome outcome = contacts.offer(array(server.chain()), PLAIN_MAIL, NOW);

        assertEquals(OfferOutcome.Result.REJECTED, outcome.result());
        assertEquals("contact.notMail", outcome.reason().orElseThrow().key());
        assertEquals(List.of(), contacts.addresses());
    }

    @Test
    void recipientWithoutCertificateHasAnEmptyList() throws Exception {
        assertEquals(List.of(), contacts.recipient("nobody@example.test").certificates());
    }

    private static X509Certificate[] array(List<X509Certificate> chain) {
        return chain.toArray(X509Certificate[]::new);
    }

    private static List<X509Certificate> certificates(List<EncryptionCertificate> chosen) {
        return chosen.stream().map(EncryptionCertificate::certificate).toList();
    }
}
