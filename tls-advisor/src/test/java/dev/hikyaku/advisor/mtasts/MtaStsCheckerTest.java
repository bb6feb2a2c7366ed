package dev.hikyaku.advisor.mtasts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.advisor.certificate.TrustedCas;
import dev.hikyaku.advisor.dnssec.TrustAnchors;
import dev.hikyaku.advisor.dnssec.ValidatingDns;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.dns.DnsWorld;
import dev.hikyaku.testworld.dns.Fault;
import dev.hikyaku.testworld.dns.Zone;
import dev.hikyaku.testworld.https.MtaStsServer;
import dev.hikyaku.testworld.https.PolicyResponse;
import dev.hikyaku.testworld.time.ShiftedClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** MtaStsChecker with real DNS and HTTPS on loopback: TXT discovery, the policy cache by id and max_age, failures. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MtaStsCheckerTest {
    private static final FixtureCa CA = FixtureCa.create();
    private static final String DOMAIN = "example.test";
    private static final Duration MAX_AGE = Duration.ofDays(1);
    private static final String POLICY = "version: STSv1\nmode: enforce\nmx: *.example.test\nmax_age: "
            + MAX_AGE.toSeconds() + "\n";
    private static final Duration BUDGET = Duration.ofSeconds(2);

    private final DnsWorld dns = DnsWorld.start();
    private final Zone zone = dns.zone(DOMAIN).add("mta-sts A 127.0.0.1");
    private final MtaStsServer https;
    private final ShiftedClock clock = new ShiftedClock();
    private final MtaStsChecker checker;

    MtaStsCheckerTest() throws Exception {
        https = MtaStsServer.start(CA.server("mta-sts." + DOMAIN)).serve(DOMAIN, PolicyResponse.policy(POLICY));
        ValidatingDns resolver = new ValidatingDns(dns.address(), TrustAnchors.fromText(dns.trustAnchors()), clock, BUDGET);
        PolicyFetcher fetcher = new PolicyFetcher(new TrustedCas(List.of(CA.root())).sslContext(),
                https.address().getPort(), BUDGET, clock);
        checker = new MtaStsChecker(resolver, fetcher, new PolicyCache(), clock);
    }

    @AfterEach
    void stop() throws Exception {
        https.close();
        dns.close();
    }

    private static String txt(String id) {
        return "TXT \"v=STSv1; id=" + id + "\"";
    }

    /** Publishes a new id: a deeper zone for {@code _mta-sts} takes over the name from the parent zone. */
    private void republish(String id) {
        dns.zone("_mta-sts." + DOMAIN).add("@ " + txt(id));
    }

    private MtaStsFinding.Valid valid(String id, boolean fromCache) {
        return new MtaStsFinding.Valid(id, parsed(POLICY), fromCache);
    }

    private static MtaStsPolicy parsed(String policy) {
        try {
            return new MtaStsPolicyParser().parse(policy);
        } catch (PolicySyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void withoutATxtRecordThereIsNoPolicyAndNoFetch() {
        assertEquals(new MtaStsFinding.NoPolicy(), checker.check(DOMAIN));
        assertEquals(List.of(), https.requests());
    }

    @Test
    void aTxtRecordLeadsToTheFetchedPolicy() {
        zone.add("_mta-sts " + txt("1"));
        assertEquals(valid("1", false), checker.check(DOMAIN));
        assertEquals(1, https.requests().size());
    }

    @Test
    void theSameIdIsServedFromTheCacheWithoutAsking() {
        zone.add("_mta-sts " + txt("1"));
        checker.check(DOMAIN);
        assertEquals(valid("1", true), checker.check(DOMAIN));
        assertEquals(1, https.requests().size());
    }

    @Test
    void aNewIdIsFetchedAgain() {
        zone.add("_mta-sts " + txt("1"));
        checker.check(DOMAIN);
        republish("2");
        assertEquals(valid("2", false), checker.check(DOMAIN));
        assertEquals(2, https.requests().size());
    }

    @Test
    void aPolicyPastItsMaxAgeIsFetchedAgain() {
        zone.add("_mta-sts " + txt("1"));
        checker.check(DOMAIN);
        clock.advance(MAX_AGE.plusSeconds(1));
        assertEquals(valid("1", false), checker.check(DOMAIN));
        assertEquals(2, https.requests().size());
    }

    @Test
    void aFailedRefreshFallsBackToTheCachedPolicyWhileItIsValid() {
        zone.add("_mta-sts " + txt("1"));
        checker.check(DOMAIN);
        https.serve(DOMAIN, PolicyResponse.notFound());
        republish("2");
        assertEquals(valid("1", true), checker.check(DOMAIN));
        assertEquals(2, https.requests().size(), "the refresh was tried");
    }

    @Test
    void aFailedRefreshAfterMaxAgeIsAFetchError() {
        zone.add("_mta-sts " + txt("1"));
        checker.check(DOMAIN);
        https.serve(DOMAIN, PolicyResponse.notFound());
        clock.advance(MAX_AGE.plusSeconds(1));
        assertInstanceOf(MtaStsFinding.FetchError.class, checker.check(DOMAIN));
    }

    @Test
    void twoStsRecordsAreInvalid() {
        zone.add("_mta-sts " + txt("1")).add("_mta-sts " + txt("2"));
        assertInstanceOf(MtaStsFinding.Invalid.class, checker.check(DOMAIN));
        assertEquals(List.of(), https.requests());
    }

    @Test
    void aServfailOnTheTxtIsAFetchErrorNeverNoPolicy() {
        zone.add("_mta-sts " + txt("1")).fail("_mta-sts", Fault.SERVFAIL);
        MtaStsFinding.FetchError error = assertInstanceOf(MtaStsFinding.FetchError.class, checker.check(DOMAIN));
        assertTrue(error.reason().contains("_mta-sts.example.test"), error.reason());
    }

    @Test
    void aPolicyWithBadGrammarIsInvalid() {
        zone.add("_mta-sts " + txt("1"));
        https.serve(DOMAIN, PolicyResponse.policy("version: STSv1\nmode: enforce\nmax_age: 86400\n"));
        MtaStsFinding.Invalid invalid = assertInstanceOf(MtaStsFinding.Invalid.class, checker.check(DOMAIN));
        assertTrue(invalid.reason().contains("mx"), invalid.reason());
    }

    @Test
    void aPolicyHostWithoutAnAddressIsAFetchError() {
        dns.zone("mta-sts." + DOMAIN);
        zone.add("_mta-sts " + txt("1"));
        assertInstanceOf(MtaStsFinding.FetchError.class, checker.check(DOMAIN));
    }
}
