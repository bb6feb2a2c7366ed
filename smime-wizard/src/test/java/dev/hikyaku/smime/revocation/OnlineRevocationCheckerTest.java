package dev.hikyaku.smime.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import dev.hikyaku.testworld.ca.RevocationPointers;
import dev.hikyaku.testworld.ca.Signer;
import dev.hikyaku.testworld.revocation.CrlBehaviour;
import dev.hikyaku.testworld.revocation.OcspBehaviour;
import dev.hikyaku.testworld.revocation.RevocationServer;
import dev.hikyaku.testworld.time.ShiftedClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The online checker against a real OCSP responder and CRL distribution point on loopback. */
class OnlineRevocationCheckerTest {
    private static final String BOB = "bob@example.test";
    private static final RevocationSettings SETTINGS = RevocationSettings.defaults()
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));

    private final ShiftedClock clock = new ShiftedClock();
    private final FixtureCa ca = FixtureCa.create(clock);
    private final Issued issuer = ca.authority(Signer.INTERMEDIATE);

    @TempDir
    Path directory;

    private RevocationServer server;

    @BeforeEach
    void start() throws IOException {
        server = RevocationServer.start(issuer, clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void goodAnswerIsBelievedAndAskedWithANonce() throws Exception {
        Issued bob = bob(RevocationPointers.ocsp(server.ocspUri()));

        RevocationStatus status = check(checker(), bob);

        assertEquals(new RevocationStatus.Good("OCSP " + server.ocspUri()), status);
        OCSPReq asked = new OCSPReq(server.ocspRequests().get(0));
        assertEquals(bob.certificate().getSerialNumber(), asked.getRequestList()[0].getCertID().getSerialNumber());
        assertNotNull(asked.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce), "the request carries a nonce");
    }

    @Test
    void revokedAnswerCarriesTheRevocationTime() {
        Issued bob = bob(RevocationPointers.ocsp(server.ocspUri()));
        Instant revokedAt = clock.instant().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        server.revoke(bob.certificate(), revokedAt);

        assertEquals(new RevocationStatus.Revoked("OCSP " + server.ocspUri(), revokedAt), check(checker(), bob));
    }

    @Test
    void unknownIsNeverTakenForGood() {
        Issued bob = bob(RevocationPointers.ocsp(server.ocspUri()));
        server.unknown(bob.certificate());

        assertEquals(notChecked(RevocationStatus.Reason.UNKNOWN_TO_SOURCE), check(checker(), bob));
    }

    @Test
    void answersThatCannotBeTrustedAreRefused() {
        Issued bob = bob(RevocationPointers.ocsp(server.ocspUri()));
        for (OcspBehaviour behaviour : List.of(OcspBehaviour.BAD_SIGNATURE, OcspBehaviour.STALE,
                OcspBehaviour.WRONG_NONCE, OcspBehaviour.GARBAGE)) {
            server.ocsp(behaviour);
            assertEquals(notChecked(RevocationStatus.Reason.INVALID_ANSWER), check(checker(), bob), behaviour::name);
        }
    }

    @Test
    void answerWithoutNonceIsBelievedWhenFresh() {
        Issued bob = bob(RevocationPointers.ocsp(server.ocspUri()));
        server.ocsp(OcspBehaviour.NO_NONCE);

        assertInstanceOf(RevocationStatus.Good.class, check(checker(), bob));
    }

    @Test
    void delegatedResponderIsBelievedOnlyWithTheOcspSigningPurpose() {
        Issued bob = bob(RevocationPointers.ocsp(server.ocspUri()));
        server.delegateTo(ca.ocspResponder(Signer.INTERMEDIATE));
        assertInstanceOf(RevocationStatus.Good.class, check(checker(), bob));

        // A mail certificate from the same CA is no responder, whatever it signs.
        server.delegateTo(ca.issue(ca.smimeSpec("mallory@example.test").withSigner(Signer.INTERMEDIATE).withFreshKey()));
        assertEquals(notChecked(RevocationStatus.Reason.INVALID_ANSWER), check(checker(), bob));

        // A responder of another CA is none either.
        server.delegateTo(FixtureCa.create(clock).ocspResponder(Signer.INTERMEDIATE));
        assertEquals(notChecked(RevocationStatus.Reason.INVALID_ANSWER), check(checker(), bob));
    }

    @Test
    void responderDownOrTryingLaterIsUnreachable() throws Exception {
        Issued bob = bob(RevocationPointers.ocsp(server.ocspUri()));
        server.ocsp(OcspBehaviour.TRY_LATER);
        assertEquals(notChecked(RevocationStatus.Reason.UNREACHABLE), check(checker(), bob));
        server.ocsp(OcspBehaviour.NOT_FOUND);
        assertEquals(notChecked(RevocationStatus.Reason.UNREACHABLE), check(checker(), bob));

        server.close();
        assertEquals(notChecked(RevocationStatus.Reason.UNREACHABLE), check(checker(), bob));
    }

    @Test
    void silentResponderTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CountDownLatch accepted = new CountDownLatch(1);
            Thread acceptor = new Thread(() -> {
                try (var socket = silent.accept()) {
                    accepted.countDown();
                    socket.getInputStream().readAllBytes();
                } catch (IOException e) {
                    accepted.countDown();
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Issued bob = bob(RevocationPointers.ocsp(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/")));
            RevocationSettings impatient = SETTINGS.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1));
            OnlineRevocationChecker checker = new OnlineRevocationChecker(OnlineRevocationChecker.client(impatient),
                    Optional.empty(), impatient, clock);

            assertEquals(notChecked(RevocationStatus.Reason.UNREACHABLE), check(checker, bob));
            assertTrue(accepted.await(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void crlIsTheFallbackWhenOcspIsAbsentOrFails() {
        Issued onlyCrl = bob(RevocationPointers.crl(server.crlUri()));
        Issued both = bob(RevocationPointers.both(server.ocspUri(), server.crlUri()));
        Instant revokedAt = clock.instant().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS);
        server.revoke(both.certificate(), revokedAt);

        assertEquals(new RevocationStatus.Good("CRL " + server.crlUri()), check(checker(), onlyCrl));
        server.ocsp(OcspBehaviour.BAD_SIGNATURE);
        assertEquals(new RevocationStatus.Revoked("CRL " + server.crlUri(), revokedAt), check(checker(), both));
        server.ocsp(OcspBehaviour.NOT_FOUND);
        assertEquals(new RevocationStatus.Revoked("CRL " + server.crlUri(), revokedAt), check(checker(), both));
    }

    @Test
    void crlsThatCannotBeTrustedAreRefused() {
        Issued bob = bob(RevocationPointers.crl(server.crlUri()));
        for (CrlBehaviour behaviour : List.of(CrlBehaviour.BAD_SIGNATURE, CrlBehaviour.STALE)) {
            server.crl(behaviour);
            assertEquals(notChecked(RevocationStatus.Reason.INVALID_ANSWER), check(checker(), bob), behaviour::name);
        }
        server.crl(CrlBehaviour.OVERSIZED);
        RevocationSettings small = SETTINGS.withMaxCrlBytes(64 * 1024);
        OnlineRevocationChecker checker = new OnlineRevocationChecker(OnlineRevocationChecker.client(small),
                Optional.empty(), small, clock);
        assertEquals(notChecked(RevocationStatus.Reason.UNREACHABLE), check(checker, bob));
    }

    @Test
    void crlIsCachedOnDiskUntilItsNextUpdate() throws Exception {
        Issued bob = bob(RevocationPointers.crl(server.crlUri()));
        Path cache = directory.resolve("crls");

        assertInstanceOf(RevocationStatus.Good.class, check(cachingChecker(cache), bob));
        assertInstanceOf(RevocationStatus.Good.class, check(cachingChecker(cache), bob));
        assertEquals(1, server.crlRequests(), "a second checker (a restart) reads the cached CRL");

        clock.advance(Duration.ofDays(2));
        assertInstanceOf(RevocationStatus.Good.class, check(cachingChecker(cache), bob));
        assertEquals(2, server.crlRequests(), "past its nextUpdate the CRL is fetched again");
    }

    @Test
    void tamperedCacheIsNotBelieved() throws Exception {
        Issued bob = bob(RevocationPointers.crl(server.crlUri()));
        Path cache = directory.resolve("crls");
        check(cachingChecker(cache), bob);
        try (var files = Files.list(cache)) {
            for (Path file : files.toList()) {
                Files.write(file, new byte[] {0x30, 0x03, 0x02, 0x01, 0x00});
            }
        }

        assertInstanceOf(RevocationStatus.Good.class, check(cachingChecker(cache), bob));
        assertEquals(2, server.crlRequests(), "an unreadable cached CRL is fetched again");
    }

    @Test
    void settledAnswerIsRememberedUntilItsNextUpdate() {
        Issued bob = bob(RevocationPointers.ocsp(server.ocspUri()));
        OnlineRevocationChecker checker = checker();

        check(checker, bob);
        check(checker, bob);
        assertEquals(1, server.ocspRequests().size());

        clock.advance(Duration.ofDays(2));
        check(checker, bob);
        assertEquals(2, server.ocspRequests().size());
    }

    @Test
    void certificateNamingNoSourceIsNotChecked() {
        Issued bob = bob(RevocationPointers.NONE);
        assertEquals(notChecked(RevocationStatus.Reason.NO_SOURCE), check(checker(), bob));

        Issued ldapOnly = bob(RevocationPointers.crl(URI.create("ldap://127.0.0.1/cn=crl")));
        assertEquals(notChecked(RevocationStatus.Reason.NO_SOURCE), check(checker(), ldapOnly));
    }

    @Test
    void offlineSwitchAsksNobody() {
        Issued bob = bob(RevocationPointers.both(server.ocspUri(), server.crlUri()));
        RevocationChecker offline = OnlineRevocationChecker.choose(false, Optional.empty(), clock);

        assertEquals(notChecked(RevocationStatus.Reason.OFFLINE), offline.check(bob.certificate(), issuer.certificate(),
                clock.instant()));
        assertTrue(server.ocspRequests().isEmpty());
        assertEquals(0, server.crlRequests());
    }

    private Issued bob(RevocationPointers pointers) {
        return ca.issue(ca.smimeSpec(BOB).withSigner(Signer.INTERMEDIATE), pointers);
    }

    private OnlineRevocationChecker checker() {
        return new OnlineRevocationChecker(OnlineRevocationChecker.client(SETTINGS), Optional.empty(), SETTINGS, clock);
    }

    private OnlineRevocationChecker cachingChecker(Path cache) {
        return new OnlineRevocationChecker(OnlineRevocationChecker.client(SETTINGS), Optional.of(cache), SETTINGS, clock);
    }

    private RevocationStatus check(RevocationChecker checker, Issued certificate) {
        return checker.check(certificate.certificate(), issuer.certificate(), clock.instant());
    }

    private static RevocationStatus notChecked(RevocationStatus.Reason reason) {
        return new RevocationStatus.NotChecked(reason);
    }
}
