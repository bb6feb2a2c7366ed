package dev.hikyaku.gateway.delivery;

import static dev.hikyaku.gateway.delivery.TestUpstream.AWKWARD_MESSAGE;
import static dev.hikyaku.gateway.delivery.TestUpstream.request;
import static dev.hikyaku.gateway.delivery.TestUpstream.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.smtp.MxBehaviour;
import dev.hikyaku.testworld.smtp.MxServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Upstreams that misbehave before any mail is sent; each gives its own clear reason and defers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpstreamClientUnreachableTest {

    // Short, so the silent server's test ends soon; nothing is asserted about how long anything takes.
    private static final Duration SHORT = Duration.ofMillis(500);

    private final FixtureCa ca = FixtureCa.create();
    private final TestUpstream upstream = new TestUpstream(ca);
    private final SSLContext trust = UpstreamTrust.systemCasPlus(List.of(ca.root()));

    @TempDir
    Path spool;

    @AfterAll
    void stopTimer() {
        upstream.close();
    }

    @Test
    void aServerThatGreetsWith421IsDeferredWithItsReply() throws Exception {
        RecipientOutcome.Deferred deferred = deliverTo(MxBehaviour.greet421(), UpstreamSecurity.NONE);
        assertEquals("delivery.upstreamReply", deferred.reason().key());
        assertTrue(deferred.reason().english().contains("421 4.3.2"), deferred.reason().english());
    }

    @Test
    void aServerThatNeverSpeaksTimesOut() throws Exception {
        assertEquals("delivery.timeout", deliverTo(MxBehaviour.tarpit(), UpstreamSecurity.NONE).reason().key());
    }

    @Test
    void aServerThatHangsUpAtOnceLosesTheConnection() throws Exception {
        RecipientOutcome.Deferred deferred = deliverTo(MxBehaviour.closeAtOnce(), UpstreamSecurity.STARTTLS_REQUIRED);
        assertEquals("delivery.connectionLost", deferred.reason().key(), deferred.reason().english());
    }

    @Test
    void aStartTlsThatIsNoTlsFailsTheHandshake() throws Exception {
        RecipientOutcome.Deferred deferred = deliverTo(MxBehaviour.brokenStartTls(), UpstreamSecurity.STARTTLS_REQUIRED);
        assertEquals("delivery.tlsFailed", deferred.reason().key(), deferred.reason().english());
        assertFalse(deferred.needsCredentials());
    }

    private RecipientOutcome.Deferred deliverTo(MxBehaviour behaviour, UpstreamSecurity security) throws Exception {
        try (MxServer server = MxServer.start(behaviour);
                UpstreamClient client = upstream.client(UpstreamSettings.of("127.0.0.1", server.address().getPort(),
                        security, trust).withTimeouts(SHORT, SHORT))) {
            DeliveryReport report = client.deliver(request(write(spool, AWKWARD_MESSAGE), "hanako@example.test"));
            assertTrue(server.messages().isEmpty());
            return (RecipientOutcome.Deferred) report.outcome("hanako@example.test");
        }
    }
}
