package dev.hikyaku.testworld.https;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.testworld.ca.FixtureCa;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The MTA-STS fixture seen by a verifying TLS client with SNI and Host of the policy host. */
// One CA (and its cached RSA keys) for the whole class; every test still gets fresh certificates.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MtaStsServerTest {

    private static final String DOMAIN = "example.test";
    private static final String HOST = "mta-sts." + DOMAIN;
    private static final String POLICY = "version: STSv1\nmode: enforce\nmx: mx.example.test\nmax_age: 86400\n";

    private final FixtureCa ca = FixtureCa.create();
    private MtaStsServer server;
    private RawHttpsClient client;

    @BeforeEach
    void start() throws Exception {
        server = MtaStsServer.start(ca.server(HOST, "mta-sts.other.test"));
        client = new RawHttpsClient(ca.clientContext(), server.address());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesThePolicyWithCrlfAndRecordsTheRequest() throws Exception {
        server.serve(DOMAIN, PolicyResponse.policyWithCrlf(POLICY));

        RawResponse response = client.get(HOST, MtaStsServer.POLICY_PATH);

        assertEquals(200, response.status());
        assertTrue(response.headers().get("content-type").startsWith("text/plain"));
        assertEquals(POLICY.replace("\n", "\r\n"), response.text());
        assertEquals(List.of(new PolicyRequest(HOST, MtaStsServer.POLICY_PATH, Optional.of(HOST))), server.requests());
    }

    @Test
    void servesLfOnlyLinesAsGiven() throws Exception {
        server.serve(DOMAIN, PolicyResponse.policyWithLf(POLICY.replace("\n", "\r\n")));

        assertEquals(POLICY, client.get(HOST, MtaStsServer.POLICY_PATH).text());
    }

    @Test
    void choosesThePolicyByHost() throws Exception {
        server.serve(DOMAIN, PolicyResponse.policy(POLICY));
        server.serve("other.test", PolicyResponse.policy(POLICY.replace("enforce", "testing")));

        assertTrue(client.get("mta-sts.other.test", MtaStsServer.POLICY_PATH).text().contains("mode: testing"));
        assertTrue(client.get(HOST, MtaStsServer.POLICY_PATH).text().contains("mode: enforce"));
    }

    @Test
    void answers404ForUnknownHostsPathsAndOnRequest() throws Exception {
        server.serve("other.test", PolicyResponse.notFound());
        server.serve(DOMAIN, PolicyResponse.policy(POLICY));

        assertEquals(404, client.get("mta-sts.other.test", MtaStsServer.POLICY_PATH).status());
        assertEquals(404, client.get(HOST, "/other.txt").status());
    }

    @Test
    void redirectsWith301() throws Exception {
        server.serve(DOMAIN, PolicyResponse.redirect("https://elsewhere.test/policy.txt"));

        RawResponse response = client.get(HOST, MtaStsServer.POLICY_PATH);

        assertEquals(301, response.status());
        assertEquals("https://elsewhere.test/policy.txt", response.headers().get("location"));
    }

    @Test
    void servesAWrongContentType() throws Exception {
        server.serve(DOMAIN, PolicyResponse.wrongContentType(POLICY, "text/html"));

        assertEquals("text/html", client.get(HOST, MtaStsServer.POLICY_PATH).headers().get("content-type"));
    }

    @Test
    void servesAnOversizedBody() throws Exception {
        server.serve(DOMAIN, PolicyResponse.oversized(POLICY));

        RawResponse response = client.get(HOST, MtaStsServer.POLICY_PATH);

        assertEquals(64 * 1024 + 1, response.body().length);
        assertTrue(response.text().startsWith(POLICY));
    }

    @Test
    void stallsAfterTheFirstLine() throws Exception {
        server.serve(DOMAIN, PolicyResponse.stall(POLICY));

        try (SSLSocket socket = client.request(HOST, MtaStsServer.POLICY_PATH)) {
            InputStream in = socket.getInputStream();
            String head = readUntil(in, "version: STSv1\n");
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            socket.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, in::read);
        }
    }

    @Test
    void certificateForOtherNamesFailsVerification() throws Exception {
        server.serve("unlisted.test", PolicyResponse.policy(POLICY));

        assertThrows(SSLHandshakeException.class, () -> client.get("mta-sts.unlisted.test", MtaStsServer.POLICY_PATH));
    }

    private static String readUntil(InputStream in, String marker) throws Exception {
        StringBuilder text = new StringBuilder();
        while (!text.toString().endsWith(marker)) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("stream ended after " + text);
            }
            text.append((char) b);
        }
        return text.toString();
    }
}
