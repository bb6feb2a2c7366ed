package dev.hikyaku.advisor.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.advisor.evidence.MxEvidence;
import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.advisor.verdict.Verdict;
import dev.hikyaku.testworld.ca.Signer;
import dev.hikyaku.testworld.ca.Validity;
import dev.hikyaku.testworld.dns.Fault;
import dev.hikyaku.testworld.dns.Zone;
import dev.hikyaku.testworld.https.PolicyResponse;
import dev.hikyaku.testworld.smtp.MxBehaviour;
import dev.hikyaku.testworld.smtp.MxGroup;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Type;

/** The advisor end to end against the loopback world: every level and the edges the issue names. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RouteAdvisorTest {
    private final RouteWorld world = new RouteWorld();
    private final Zone zone = world.dns.zone("example.test");

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    /** Publishes MX records mx1, mx2, ... for example.test at the group's addresses, preference 10, 20, ... */
    private void publish(MxGroup group) {
        for (int i = 0; i < group.servers().size(); i++) {
            zone.add("@ MX " + (10 * (i + 1)) + " mx" + (i + 1));
            zone.add("mx" + (i + 1) + " A " + MxGroup.addressOf(i).getHostAddress());
        }
    }

    private MxBehaviour tls(String host) {
        return MxBehaviour.startTls(world.ca.server(host));
    }

    private DomainReport check(MxGroup group, String domain) throws Exception {
        return world.check(group.port(), domain);
    }

    @Test
    void trustedTlsEverywhereIsEncryptedWithTheEvidence() throws Exception {
        MxGroup group = world.mx(tls("mx1.example.test"));
        publish(group);
        DomainReport report = check(group, "taro@example.test");
        assertEquals(new Verdict.Encrypted(true), report.verdict());
        MxEvidence mx = report.mx().get(0);
        assertTrue(mx.starttls());
        assertTrue(mx.protocol().startsWith("TLSv1."), mx.protocol());
        assertTrue(mx.certificate().trusted() && mx.certificate().nameMatches());
        assertEquals("mx1.example.test", group.server(0).sessions().get(0).tls().orElseThrow().serverName().orElseThrow(),
                "the probe sends the MX host name as SNI");
    }

    @Test
    void oneMxWithoutStartTlsMakesTheDomainPlaintext() throws Exception {
        MxGroup group = world.mx(tls("mx1.example.test"), MxBehaviour.plain());
        publish(group);
        Verdict.Plaintext verdict = assertInstanceOf(Verdict.Plaintext.class, check(group, "example.test").verdict());
        assertEquals(1, verdict.causes().size());
        assertTrue(verdict.causes().get(0).startsWith("mx2.example.test: no STARTTLS"), verdict.causes().toString());
    }

    @Test
    void aDeadPrimaryDoesNotLowerAGoodBackupAndCostsAtMostTheBudget() throws Exception {
        MxGroup group = world.mx(MxBehaviour.tarpit(), tls("mx2.example.test"));
        publish(group);
        DomainReport report = check(group, "example.test");
        assertEquals(Level.ENCRYPTED, report.verdict().level());
        assertFalse(report.mx().get(0).answered());
        long tarpitMs = report.mx().get(0).attempts().get(0).elapsedMs();
        assertTrue(tarpitMs <= RouteWorld.BUDGET.toMillis() + 1_000, "the tarpit is cut off at the budget: " + tarpitMs);
    }

    @Test
    void withoutMxTheDomainsOwnAddressIsProbed() throws Exception {
        MxGroup group = world.mx(tls("example.test"));
        zone.add("@ A " + MxGroup.addressOf(0).getHostAddress());
        DomainReport report = check(group, "example.test");
        assertEquals(Level.ENCRYPTED, report.verdict().level());
        assertEquals("example.test", report.mx().get(0).host());
    }

    @Test
    void nullMxAndNoSuchDomainTakeNoMail() throws Exception {
        zone.add("nullmx MX 0 .");
        assertEquals(new Verdict.NoMail(Verdict.NoMailCause.NULL_MX), world.check(25, "nullmx.example.test").verdict());
        assertEquals(new Verdict.NoMail(Verdict.NoMailCause.NO_SUCH_DOMAIN),
                world.check(25, "nobody.example.test").verdict());
    }

    @Test
    void anMxHostBehindACnameIsProbedAtTheTargetAddress() throws Exception {
        MxGroup group = world.mx(tls("mx.example.test"));
        zone.add("@ MX 10 mx").add("mx CNAME box").add("box A " + MxGroup.addressOf(0).getHostAddress());
        assertEquals(Level.ENCRYPTED, check(group, "example.test").verdict().level());
    }

    @Test
    void selfSignedExpiredAndWrongNameCertificatesAreEncryptedUnverified() throws Exception {
        MxGroup group = world.mx(
                MxBehaviour.startTls(world.ca.issue(world.ca.serverSpec("mx1.example.test").withSigner(Signer.SELF_SIGNED))),
                MxBehaviour.startTls(world.ca.issue(world.ca.serverSpec("mx2.example.test")
                        .withValidity(Validity.expired(world.clock)))),
                tls("somewhere-else.test"));
        publish(group);
        Verdict.EncryptedUnverified verdict = assertInstanceOf(Verdict.EncryptedUnverified.class,
                check(group, "example.test").verdict());
        String weaknesses = String.join(" | ", verdict.weaknesses());
        assertTrue(weaknesses.contains("mx1.example.test:"), weaknesses);
        assertTrue(weaknesses.contains("mx2.example.test: certificate expired"), weaknesses);
        assertTrue(weaknesses.contains("mx3.example.test: certificate is for another name"), weaknesses);
    }

    @Test
    void startTlsThatFailsIsPlaintextNotUnknown() throws Exception {
        MxGroup group = world.mx(MxBehaviour.brokenStartTls());
        publish(group);
        assertEquals(Level.PLAINTEXT, check(group, "example.test").verdict().level());
    }

    @Test
    void serversThatRefuseOrVanishAreNeverReadAsNoTls() throws Exception {
        MxGroup group = world.mx(MxBehaviour.greet421(), MxBehaviour.closeAtOnce());
        publish(group);
        Verdict.Unknown verdict = assertInstanceOf(Verdict.Unknown.class, check(group, "example.test").verdict());
        assertFalse(verdict.port25Blocked(), "a 421 is an answer: port 25 is reachable");
    }

    @Test
    void silenceFromEveryMxMeansPort25IsBlockedFromHere() throws Exception {
        MxGroup group = world.mx(MxBehaviour.tarpit(), MxBehaviour.tarpit(), MxBehaviour.tarpit());
        publish(group);
        Verdict.Unknown verdict = assertInstanceOf(Verdict.Unknown.class, check(group, "example.test").verdict());
        assertTrue(verdict.port25Blocked());
    }

    @Test
    void aKnownProviderIsEncryptedWithoutAProbeWhenPort25IsBlocked() throws Exception {
        MxGroup group = world.mx(MxBehaviour.tarpit(), MxBehaviour.tarpit(), MxBehaviour.tarpit());
        publish(group);
        check(group, "example.test");
        world.dns.zone("customer.test").add("@ MX 0 customer-test.mail.protection.outlook.com.");
        world.dns.zone("mail.protection.outlook.com")
                .add("customer-test A " + MxGroup.addressOf(0).getHostAddress());
        assertEquals(new Verdict.Encrypted(false), check(group, "customer.test").verdict());
    }

    private void mtaSts(String mode, String mxPattern) throws Exception {
        zone.add("_mta-sts TXT \"v=STSv1; id=20261123\"").add("mta-sts A 127.0.0.1");
        world.https("mta-sts.example.test").serve("example.test", PolicyResponse.policy(
                "version: STSv1\nmode: " + mode + "\nmx: " + mxPattern + "\nmax_age: 86400\n"));
    }

    @Test
    void mtaStsEnforceCoveringEveryMxAuthenticates() throws Exception {
        mtaSts("enforce", "*.example.test");
        MxGroup group = world.mx(tls("mx1.example.test"));
        publish(group);
        DomainReport report = check(group, "example.test");
        assertEquals(new Verdict.Authenticated(Verdict.Pin.MTA_STS, true), report.verdict());
        assertEquals("enforce", report.mtaSts().mode());
        assertEquals(Boolean.TRUE, report.mx().get(0).mtaStsCovered());
    }

    @Test
    void mtaStsEnforceNotListingTheMxIsAViolatedPin() throws Exception {
        mtaSts("enforce", "mail.other.test");
        MxGroup group = world.mx(tls("mx1.example.test"));
        publish(group);
        Verdict.Plaintext verdict = assertInstanceOf(Verdict.Plaintext.class, check(group, "example.test").verdict());
        assertTrue(verdict.pinViolated());
    }

    @Test
    void mtaStsTestingModePinsNothing() throws Exception {
        mtaSts("testing", "*.example.test");
        MxGroup group = world.mx(tls("mx1.example.test"));
        publish(group);
        DomainReport report = check(group, "example.test");
        assertEquals(Level.ENCRYPTED, report.verdict().level());
        assertEquals("testing", report.mtaSts().mode());
    }

    @Test
    void aPolicyThatCannotBeFetchedIsAFetchErrorNeverNoPolicy() throws Exception {
        zone.add("_mta-sts TXT \"v=STSv1; id=1\"").add("mta-sts A 127.0.0.1");
        world.https("mta-sts.example.test").serve("example.test", PolicyResponse.notFound());
        MxGroup group = world.mx(tls("mx1.example.test"));
        publish(group);
        DomainReport report = check(group, "example.test");
        assertEquals("fetch_error", report.mtaSts().state());
        assertEquals(Level.ENCRYPTED, report.verdict().level());
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private Zone signedDomain(MxGroup group) {
        return world.dns.signedZone("secure.test").add("@ MX 10 mx")
                .add("mx A " + MxGroup.addressOf(0).getHostAddress());
    }

    @Test
    void daneEeMatchAuthenticates() throws Exception {
        var issued = world.ca.server("mx.secure.test");
        MxGroup group = world.mx(MxBehaviour.startTls(issued));
        signedDomain(group).add("_25._tcp.mx TLSA 3 1 1 " + sha256(issued.certificate().getPublicKey().getEncoded()));
        DomainReport report = check(group, "secure.test");
        assertEquals(new Verdict.Authenticated(Verdict.Pin.DANE, true), report.verdict());
        assertTrue(report.dane().mxSecure());
        assertTrue(report.mx().get(0).dane().startsWith("DANE-EE match"), report.mx().get(0).dane());
    }

    @Test
    void daneTaMatchOnTheIntermediateAuthenticates() throws Exception {
        var issued = world.ca.issue(world.ca.serverSpec("mx.secure.test").withSigner(Signer.INTERMEDIATE));
        MxGroup group = world.mx(MxBehaviour.startTls(issued));
        X509Certificate intermediate = issued.chain().get(1);
        signedDomain(group).add("_25._tcp.mx TLSA 2 0 1 " + sha256(intermediate.getEncoded()));
        DomainReport report = check(group, "secure.test");
        assertEquals(new Verdict.Authenticated(Verdict.Pin.DANE, true), report.verdict());
        assertTrue(report.mx().get(0).dane().startsWith("DANE-TA match"), report.mx().get(0).dane());
    }

    @Test
    void daneMismatchIsAViolatedPin() throws Exception {
        MxGroup group = world.mx(tls("mx.secure.test"));
        signedDomain(group).add("_25._tcp.mx TLSA 3 1 1 " + "00".repeat(32));
        Verdict.Plaintext verdict = assertInstanceOf(Verdict.Plaintext.class, check(group, "secure.test").verdict());
        assertTrue(verdict.pinViolated());
    }

    @Test
    void tlsaInAnUnsignedZoneIsIgnored() throws Exception {
        var issued = world.ca.server("mx1.example.test");
        MxGroup group = world.mx(MxBehaviour.startTls(issued));
        publish(group);
        zone.add("_25._tcp.mx1 TLSA 3 1 1 " + "00".repeat(32));
        DomainReport report = check(group, "example.test");
        assertEquals(Level.ENCRYPTED, report.verdict().level(), "unsigned TLSA records must not pin or fail anything");
        assertEquals("no TLSA", report.mx().get(0).dane());
    }

    @Test
    void forgedTlsaIsReportedAsBogus() throws Exception {
        MxGroup group = world.mx(tls("mx.secure.test"));
        signedDomain(group).add("_25._tcp.mx TLSA 3 1 1 " + "00".repeat(32))
                .fail("_25._tcp.mx", Type.TLSA, Fault.CORRUPT_SIGNATURES);
        DomainReport report = check(group, "secure.test");
        assertEquals("bogus", report.dane().state());
        assertTrue(report.mx().get(0).dane().startsWith("TLSA bogus"), report.mx().get(0).dane());
    }

    @Test
    void aForgedMxAnswerIsUnknownNotAVerdictAboutTls() throws Exception {
        MxGroup group = world.mx(tls("mx.secure.test"));
        signedDomain(group).fail("@", Type.MX, Fault.CORRUPT_SIGNATURES);
        Verdict.Unknown verdict = assertInstanceOf(Verdict.Unknown.class, check(group, "secure.test").verdict());
        assertEquals(Verdict.UnknownCause.DNS_FORGED, verdict.cause());
    }

    @Test
    void aCachedVerdictIsServedUntilItExpiresAndFreshBypassesIt() throws Exception {
        MxGroup group = world.mx(tls("mx1.example.test"));
        publish(group);
        DomainReport first = check(group, "example.test");
        DomainReport cached = check(group, "example.test");
        assertSame(first, cached, "the second ask is answered from the cache");
        assertEquals(1, group.server(0).connectionCount());
        world.clock.advance(Duration.ofHours(25));
        DomainReport later = check(group, "example.test");
        assertNotEquals(first.checkedAt(), later.checkedAt());
        DomainReport forced = world.advisor(group.port()).check(RecipientDomain.parse("example.test"), true)
                .get(60, TimeUnit.SECONDS);
        assertNotEquals(later.checkedAt(), forced.checkedAt());
    }

    @Test
    void twoDomainsSharingAnMxCostOneProbe() throws Exception {
        MxGroup group = world.mx(tls("mx1.example.test"));
        publish(group);
        world.dns.zone("sister.test").add("@ MX 10 mx1.example.test.");
        check(group, "example.test");
        DomainReport sister = check(group, "sister.test");
        assertEquals(Level.ENCRYPTED, sister.verdict().level());
        assertEquals("mx1.example.test", sister.mx().get(0).host());
        assertEquals(1, group.server(0).connectionCount());
    }
}
