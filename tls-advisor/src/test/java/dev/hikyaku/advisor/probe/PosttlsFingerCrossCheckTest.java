package dev.hikyaku.advisor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.smtp.MxBehaviour;
import dev.hikyaku.testworld.smtp.MxServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our probe and Postfix's posttls-finger, on the same loopback MX, must agree on whether STARTTLS is offered
 * and on the negotiated protocol and cipher. run-tests installs posttls-finger; without it this is skipped.
 */
class PosttlsFingerCrossCheckTest {
    private static final FixtureCa CA = FixtureCa.create();
    private static CipherNames cipherNames;

    @TempDir
    Path config;

    @BeforeAll
    static void needsPosttlsFinger() {
        assumeTrue(PosttlsFinger.installed(), "posttls-finger is not installed (./run-tests installs it)");
        cipherNames = CipherNames.fromOpenSsl();
    }

    private static ProbeOutcome ours(MxServer server) {
        InetSocketAddress address = server.address();
        StartTlsProbe probe = new StartTlsProbe(new ProbeSettings(address.getPort(), Duration.ofSeconds(5),
                Duration.ofSeconds(10), "probe.test"), Clock.systemUTC(), new SecureRandom());
        return probe.probe("mx.example.test", address.getAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void bothSeeTheSameProtocolAndCipher(String protocol) throws Exception {
        try (MxServer server = MxServer.start(MxBehaviour.startTls(CA.server("mx.example.test"), protocol))) {
            ProbeOutcome.Tls tls = assertInstanceOf(ProbeOutcome.Tls.class, ours(server));
            PosttlsFinger.Finding postfix = PosttlsFinger.probe("127.0.0.1", server.address().getPort(), config);
            assertEquals(postfix.protocol().orElseThrow(() -> new AssertionError(postfix.output())), tls.session().protocol());
            assertEquals(cipherNames.toIana(postfix.cipher().orElseThrow()), tls.session().cipherSuite(), postfix.output());
        }
    }

    @Test
    void bothSeeNoStartTlsOnAPlainServer() throws Exception {
        try (MxServer server = MxServer.start(MxBehaviour.plain())) {
            assertInstanceOf(ProbeOutcome.NoStartTls.class, ours(server));
            PosttlsFinger.Finding postfix = PosttlsFinger.probe("127.0.0.1", server.address().getPort(), config);
            assertFalse(postfix.protocol().isPresent(), postfix.output());
            assertTrue(postfix.output().contains("250"), "posttls-finger did talk to the server: " + postfix.output());
        }
    }
}
