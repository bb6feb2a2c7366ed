package dev.hikyaku.smime.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.smime.revocation.OnlineRevocationChecker;
import dev.hikyaku.smime.revocation.RevocationChecker;
import dev.hikyaku.smime.revocation.RevocationStatus;
import dev.hikyaku.smime.sources.SignedMessages;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import dev.hikyaku.testworld.ca.RevocationPointers;
import dev.hikyaku.testworld.ca.Signer;
import dev.hikyaku.testworld.revocation.RevocationServer;
import dev.hikyaku.testworld.time.ShiftedClock;
import jakarta.mail.internet.MimeMessage;
import java.security.cert.TrustAnchor;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verifier's report says what the signer certificate's OCSP responder or CRL said. */
class SignatureRevocationTest {
    private static final String ALICE = "alice@example.test";

    private final ShiftedClock clock = new ShiftedClock();
    private final FixtureCa ca = FixtureCa.create(clock);
    private RevocationServer server;
    private Issued alice;
    private MimeMessage signed;

    @BeforeEach
    void sign() throws Exception {
        server = RevocationServer.start(ca.authority(Signer.INTERMEDIATE), clock);
        alice = ca.issue(ca.smimeSpec(ALICE).withSigner(Signer.INTERMEDIATE),
                RevocationPointers.both(server.ocspUri(), server.crlUri()));
        signed = new SignedMessages(clock).signed(alice, ALICE, "quote", SignatureFormat.DETACHED);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void goodSignerIsReportedCheckedAndValid() throws Exception {
        SignerReport report = verifier(online()).verify(signed, Optional.of(ALICE)).signers().get(0);

        assertInstanceOf(RevocationStatus.Good.class, report.revocation());
        assertEquals(List.of(), report.findings());
        assertTrue(report.valid());
    }

    @Test
    void revokedSignerMakesTheSignatureUntrustworthy() throws Exception {
        server.revoke(alice.certificate(), clock.instant().plus(Duration.ofMinutes(1)));

        SignerReport report = verifier(online()).verify(signed, Optional.of(ALICE)).signers().get(0);

        assertInstanceOf(RevocationStatus.Revoked.class, report.revocation());
        assertEquals(List.of(Finding.REVOKED), report.findings());
        assertFalse(report.valid(), "revoked after the claimed signing time is revoked all the same");
    }

    @Test
    void unreachableOrOfflineIsReportedButNotFatal() throws Exception {
        server.close();
        for (RevocationChecker checker : List.of(online(), RevocationChecker.offline())) {
            SignerReport report = verifier(checker).verify(signed, Optional.of(ALICE)).signers().get(0);

            assertInstanceOf(RevocationStatus.NotChecked.class, report.revocation());
            assertEquals(List.of(Finding.REVOCATION_NOT_CHECKED), report.findings());
            assertTrue(report.valid());
        }
    }

    private RevocationChecker online() {
        return OnlineRevocationChecker.choose(true, Optional.empty(), clock);
    }

    private SmimeVerifier verifier(RevocationChecker checker) {
        return new SmimeVerifier(Set.of(new TrustAnchor(ca.root(), null)), checker, clock);
    }
}
