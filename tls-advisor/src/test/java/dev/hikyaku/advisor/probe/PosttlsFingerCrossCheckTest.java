package dev.hikyaku.advisor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.reference.PostTlsFinger;
import dev.hikyaku.testworld.reference.RequiredTool;
import dev.hikyaku.testworld.smtp.MxBehaviour;
import dev.hikyaku.testworld.smtp.MxServer;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our probe and Postfix's posttls-finger, on the same loopback MX, must agree on whether STARTTLS is offered
 * and on the negotiated protocol and cipher. run-tests installs posttls-finger; without it this is skipped.
 */
class PosttlsFingerCrossCheckTest {
    private static final String HOST = "mx.example.test";
    private static final FixtureCa CA = FixtureCa.create();
    private static PostTlsFinger postfix;
    private static CipherNames cipherNames;

    @BeforeAll
    static void needsPosttlsFinger() throws Exception {
        Optional<PostTlsFinger> found = PostTlsFinger.find(CA.rootPem());
        RequiredTool.require(found.isPresent(), "posttls-finger (Debian package postfix) is missing");
        postfix = found.get();
        cipherNames = CipherNames.fromOpenSsl();
    }

    @AfterAll
    static void removeItsConfiguration() throws Exception {
        if (postfix != null) {
            postfix.close();
        }
    }

    private static ProbeOutcome ours(MxServer server) {
        InetSocketAddress address = server.address();
        StartTlsProbe probe = new StartTlsProbe(new ProbeSettings(address.getPort(), Duration.ofSeconds(5),
                Duration.ofSeconds(10), "probe.test"), Clock.systemUTC(), new SecureRandom());
        return probe.probe(HOST, address.getAddress());
    }

    private static PostTlsFinger.Run theirs(MxServer server) throws Exception {
        return postfix.probe(HOST, server.address().getAddress(), server.address().getPort());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void bothSeeTheSameProtocolAndCipher(String protocol) throws Exception {
        try (MxServer server = MxServer.start(MxBehaviour.startTls(CA.server(HOST), protocol))) {
            ProbeOutcome.Tls tls = assertInstanceOf(ProbeOutcome.Tls.class, ours(server));
            PostTlsFinger.Run run = theirs(server);
            assertEquals(run.protocol().orElseThrow(() -> new AssertionError(run.output())), tls.session().protocol());
            assertEquals(cipherNames.toIana(run.cipher().orElseThrow()), tls.session().cipherSuite(), run.output());
        }
    }

    @Test
    void bothSeeNoStartTlsOnAPlainServer() throws Exception {
        try (MxServer server = MxServer.start(MxBehaviour.plain())) {
            assertInstanceOf(ProbeOutcome.NoStartTls.class, ours(server));
            PostTlsFinger.Run run = theirs(server);
            assertFalse(run.sawTls(), run.output());
            assertTrue(run.output().contains("250"), "posttls-finger did talk to the server: " + run.output());
        }
    }
}
