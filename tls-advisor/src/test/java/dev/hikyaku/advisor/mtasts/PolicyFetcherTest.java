package dev.hikyaku.advisor.mtasts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.advisor.certificate.TrustedCas;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import dev.hikyaku.testworld.ca.Signer;
import dev.hikyaku.testworld.https.MtaStsServer;
import dev.hikyaku.testworld.https.PolicyRequest;
import dev.hikyaku.testworld.https.PolicyResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PolicyFetcher against a real HTTPS server on loopback: what it accepts, and every way it must refuse. */
class PolicyFetcherTest {
    private static final FixtureCa CA = FixtureCa.create();
    private static final String DOMAIN = "example.test";
    private static final String POLICY = "version: STSv1\nmode: enforce\nmx: *.example.test\nmax_age: 86400\n";
    private static final Duration BUDGET = Duration.ofSeconds(2);
    private static final InetAddress LOOPBACK = address(1);

    private MtaStsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static InetAddress address(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private PolicyFetch fetch(Issued certificate, PolicyResponse response, Duration budget) throws IOException {
        server = MtaStsServer.start(certificate).serve(DOMAIN, response);
        PolicyFetcher fetcher = new PolicyFetcher(new TrustedCas(List.of(CA.root())).sslContext(),
                server.address().getPort(), budget, Clock.systemUTC());
        return fetcher.fetch(DOMAIN, List.of(LOOPBACK));
    }

    private PolicyFetch fetch(PolicyResponse response) throws IOException {
        return fetch(CA.server("mta-sts." + DOMAIN), response, BUDGET);
    }

    private static String failure(PolicyFetch fetch) {
        return assertInstanceOf(PolicyFetch.Failed.class, fetch).reason();
    }

    @Test
    void fetchesAPolicyWithCrlfLines() throws Exception {
        assertEquals(new PolicyFetch.Fetched(POLICY.replace("\n", "\r\n")), fetch(PolicyResponse.policyWithCrlf(POLICY)));
    }

    @Test
    void fetchesAPolicyWithLfLines() throws Exception {
        assertEquals(new PolicyFetch.Fetched(POLICY), fetch(PolicyResponse.policyWithLf(POLICY)));
    }

    @Test
    void asksThePolicyHostByNameInSniAndHost() throws Exception {
        fetch(PolicyResponse.policy(POLICY));
        assertEquals(List.of(new PolicyRequest("mta-sts.example.test", MtaStsServer.POLICY_PATH,
                Optional.of("mta-sts.example.test"))), server.requests());
    }

    @Test
    void aRedirectIsNotFollowedAndFails() throws Exception {
        String reason = failure(fetch(PolicyResponse.redirect("https://mta-sts.example.test/elsewhere.txt")));
        assertTrue(reason.contains("redirect"), reason);
        assertEquals(1, server.requests().size(), "the redirect target is never asked");
    }

    @Test
    void notFoundFails() throws Exception {
        failure(fetch(PolicyResponse.notFound()));
    }

    @Test
    void aWrongContentTypeFails() throws Exception {
        String reason = failure(fetch(PolicyResponse.wrongContentType(POLICY, "text/html")));
        assertTrue(reason.contains("text/plain"), reason);
    }

    @Test
    void aBodyOver64KibFails() throws Exception {
        String reason = failure(fetch(PolicyResponse.oversized(POLICY)));
        assertTrue(reason.contains("larger than"), reason);
    }

    @Test
    void aStalledBodyFailsWithinTheBudget() {
        PolicyFetch fetch = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> fetch(CA.server("mta-sts." + DOMAIN), PolicyResponse.stall(POLICY), Duration.ofMillis(500)));
        failure(fetch);
    }

    @Test
    void aCertificateForAnotherNameFails() throws Exception {
        String reason = failure(fetch(CA.server("mta-sts.other.test"), PolicyResponse.policy(POLICY), BUDGET));
        assertTrue(reason.startsWith("TLS with mta-sts.example.test failed"), reason);
        assertEquals(List.of(), server.requests(), "nothing is asked over an unauthenticated connection");
    }

    @Test
    void aSelfSignedCertificateFails() throws Exception {
        Issued selfSigned = CA.issue(CA.serverSpec("mta-sts." + DOMAIN).withSigner(Signer.SELF_SIGNED));
        String reason = failure(fetch(selfSigned, PolicyResponse.policy(POLICY), BUDGET));
        assertTrue(reason.startsWith("TLS with mta-sts.example.test failed"), reason);
        assertEquals(List.of(), server.requests());
    }

    @Test
    void aRefusedAddressIsSkippedForTheNextOne() throws Exception {
        server = MtaStsServer.start(CA.server("mta-sts." + DOMAIN)).serve(DOMAIN, PolicyResponse.policy(POLICY));
        PolicyFetcher fetcher = new PolicyFetcher(new TrustedCas(List.of(CA.root())).sslContext(),
                server.address().getPort(), BUDGET, Clock.systemUTC());
        assertEquals(new PolicyFetch.Fetched(POLICY), fetcher.fetch(DOMAIN, List.of(address(9), LOOPBACK)));
    }

    @Test
    void noAddressFails() {
        PolicyFetcher fetcher = new PolicyFetcher(new TrustedCas(List.of(CA.root())).sslContext(), 443, BUDGET,
                Clock.systemUTC());
        assertEquals(new PolicyFetch.Failed("mta-sts.example.test has no address"), fetcher.fetch(DOMAIN, List.of()));
    }
}
