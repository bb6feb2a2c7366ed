package dev.hikyaku.smime.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.smime.cms.Capabilities;
import dev.hikyaku.smime.cms.EncryptionCertificate;
import dev.hikyaku.smime.revocation.OnlineRevocationChecker;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import dev.hikyaku.testworld.ca.RevocationPointers;
import dev.hikyaku.testworld.ca.Signer;
import dev.hikyaku.testworld.revocation.RevocationServer;
import dev.hikyaku.testworld.time.ShiftedClock;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mail is never encrypted to a certificate its OCSP responder or CRL calls revoked, and the finding is kept. */
class ContactRevocationTest {
    private static final String BOB = "bob@example.test";
    private static final Source.SignedMail PLAIN_MAIL = new Source.SignedMail(Capabilities.NONE);

    private final ShiftedClock clock = new ShiftedClock();
    private final FixtureCa ca = FixtureCa.create(clock);

    @TempDir
    Path directory;

    private RevocationServer server;
    private ContactCertificates contacts;

    @BeforeEach
    void open() throws Exception {
        server = RevocationServer.start(ca.authority(Signer.INTERMEDIATE), clock);
        contacts = ContactCertificates.open(directory.resolve("contacts.db"), Set.of(new TrustAnchor(ca.root(), null)),
                clock, OnlineRevocationChecker.choose(true, Optional.empty(), clock));
    }

    @AfterEach
    void close() throws Exception {
        contacts.close();
        server.close();
    }

    @Test
    void revokedCertificateIsLeftOutAndRecorded() throws Exception {
        Issued revoked = bob(RevocationPointers.ocsp(server.ocspUri()));
        Issued good = bob(RevocationPointers.crl(server.crlUri()));
        Instant revokedAt = clock.instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        server.revoke(revoked.certificate(), revokedAt);
        for (Issued issued : List.of(revoked, good)) {
            contacts.offer(issued.chain().toArray(X509Certificate[]::new), PLAIN_MAIL, clock.instant());
        }

        assertEquals(List.of(good.certificate()), certificates(contacts.forEncryption(BOB)));
        ContactCertificate recorded = contacts.all(BOB).stream()
                .filter(candidate -> candidate.certificate().equals(revoked.certificate())).findFirst().orElseThrow();
        assertEquals(Optional.of(revokedAt), recorded.revokedAt());

        server.close();
        assertEquals(List.of(good.certificate()), certificates(contacts.forEncryption(BOB)),
                "a recorded revocation holds when the responder is gone");
    }

    @Test
    void certificateWhoseRevocationCannotBeCheckedIsStillUsed() throws Exception {
        Issued bob = bob(RevocationPointers.ocsp(server.ocspUri()));
        contacts.offer(bob.chain().toArray(X509Certificate[]::new), PLAIN_MAIL, clock.instant());
        server.close();

        List<EncryptionCertificate> chosen = contacts.forEncryption(BOB);

        assertEquals(List.of(bob.certificate()), certificates(chosen));
        assertTrue(contacts.all(BOB).get(0).revokedAt().isEmpty());
    }

    private Issued bob(RevocationPointers pointers) {
        return ca.issue(ca.smimeSpec(BOB).withSigner(Signer.INTERMEDIATE).withFreshKey(), pointers);
    }

    private static List<X509Certificate> certificates(List<EncryptionCertificate> chosen) {
        return chosen.stream().map(EncryptionCertificate::certificate).toList();
    }
}
