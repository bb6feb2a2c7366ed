package dev.hikyaku.gateway.delivery;

import static dev.hikyaku.gateway.delivery.TestUpstream.AWKWARD_MESSAGE;
import static dev.hikyaku.gateway.delivery.TestUpstream.password;
import static dev.hikyaku.gateway.delivery.TestUpstream.request;
import static dev.hikyaku.gateway.delivery.TestUpstream.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.gateway.auth.AuthMechanism;
import dev.hikyaku.gateway.auth.Credentials;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.smtp.SubmissionAccount;
import dev.hikyaku.testworld.smtp.SubmissionBehaviour;
import dev.hikyaku.testworld.smtp.SubmissionServer;
import dev.hikyaku.testworld.smtp.SubmissionSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** TLS and credentials on the way upstream: nothing in the clear, no untrusted server, clear reasons. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpstreamClientSecurityTest {

    private final FixtureCa ca = FixtureCa.create();
    private final TestUpstream upstream = new TestUpstream(ca);

    @TempDir
    Path spool;

    @AfterAll
    void stopTimer() {
        upstream.close();
    }

    @Test
    void withoutStartTlsNothingIsSentAndTheReasonSaysSo() throws Exception {
        SubmissionBehaviour plain = SubmissionBehaviour.plain()
                .withAuthOptional(SubmissionAccount.password("taro", "pa55word"));
        try (SubmissionServer server = SubmissionServer.start(plain);
                UpstreamClient client = upstream.client(server, UpstreamSecurity.STARTTLS_REQUIRED)) {
            DeliveryReport report = client.deliver(request(write(spool, AWKWARD_MESSAGE),
                    password("taro", "pa55word"), "hanako@example.test"));

            RecipientOutcome.Deferred deferred = (RecipientOutcome.Deferred) report.outcome("hanako@example.test");
            assertEquals("delivery.noStartTls", deferred.reason().key());
            assertFalse(deferred.needsCredentials());
            assertTrue(deferred.reason().english().contains("does not offer STARTTLS"), deferred.reason().english());
            assertTrue(deferred.reason().text(Locale.JAPANESE).contains("STARTTLS"));
            SubmissionSession session = server.sessions().get(0);
            assertTrue(session.authAttempts().isEmpty(), "no password in the clear");
            assertTrue(session.commands("MAIL").isEmpty(), "no mail in the clear");
        }
    }

    @Test
    void anUntrustedCertificateDefersAndNamesTheHost() throws Exception {
        FixtureCa stranger = FixtureCa.create();
        SubmissionBehaviour behaviour = SubmissionBehaviour.startTls(
                stranger.server(SubmissionServer.HOSTNAME, "127.0.0.1"));
        try (SubmissionServer server = SubmissionServer.start(behaviour);
                UpstreamClient client = upstream.client(server, UpstreamSecurity.STARTTLS_REQUIRED)) {
            DeliveryReport report = client.deliver(request(write(spool, AWKWARD_MESSAGE), "hanako@example.test"));

            RecipientOutcome.Deferred deferred = (RecipientOutcome.Deferred) report.outcome("hanako@example.test");
            assertEquals("delivery.untrusted", deferred.reason().key());
            assertTrue(deferred.reason().english().contains("127.0.0.1"), deferred.reason().english());
            assertTrue(server.sessions().get(0).commands("MAIL").isEmpty());
            assertTrue(server.messages().isEmpty());
        }
    }

    @Test
    void theServerNameIsCheckedAgainstTheCertificate() throws Exception {
        SubmissionBehaviour behaviour = SubmissionBehaviour.startTls(ca.server("other.example.test"));
        try (SubmissionServer server = SubmissionServer.start(behaviour);
                UpstreamClient client = upstream.client(server, UpstreamSecurity.STARTTLS_REQUIRED)) {
            DeliveryReport report = client.deliver(request(write(spool, AWKWARD_MESSAGE), "hanako@example.test"));

            RecipientOutcome.Deferred deferred = (RecipientOutcome.Deferred) report.outcome("hanako@example.test");
            assertEquals("delivery.nameMismatch", deferred.reason().key(), deferred.reason().english());
            assertTrue(server.messages().isEmpty());
        }
    }

    @Test
    void implicitTlsDeliversByteForByte() throws Exception {
        SubmissionBehaviour behaviour = SubmissionBehaviour
                .implicitTls(ca.server(SubmissionServer.HOSTNAME, "127.0.0.1"))
                .withAuthRequired(SubmissionAccount.password("taro", "pa55word"));
        try (SubmissionServer server = SubmissionServer.start(behaviour);
                UpstreamClient client = upstream.client(server, UpstreamSecurity.IMPLICIT_TLS)) {
            assertTrue(client.deliver(request(write(spool, AWKWARD_MESSAGE), password("taro", "pa55word"),
                    "hanako@example.test")).allAccepted());

            assertTrue(server.sessions().get(0).isTls());
            assertArrayEquals(AWKWARD_MESSAGE, server.messages().get(0).raw());
        }
    }

    @Test
    void implicitTlsAgainstAStartTlsPortIsATlsFailure() throws Exception {
        try (SubmissionServer server = SubmissionServer.start(SubmissionBehaviour.startTls(
                ca.server(SubmissionServer.HOSTNAME, "127.0.0.1")));
                UpstreamClient client = upstream.client(server, UpstreamSecurity.IMPLICIT_TLS)) {
            DeliveryReport report = client.deliver(request(write(spool, AWKWARD_MESSAGE), "hanako@example.test"));

            RecipientOutcome.Deferred deferred = (RecipientOutcome.Deferred) report.outcome("hanako@example.test");
            assertEquals("delivery.tlsFailed", deferred.reason().key(), deferred.reason().english());
        }
    }

    @Test
    void refusedCredentialsDeferUntilTheUserEntersThemAgain() throws Exception {
        SubmissionBehaviour behaviour = SubmissionBehaviour.startTls(ca.server(SubmissionServer.HOSTNAME, "127.0.0.1"))
                .withAuthRequired(SubmissionAccount.password("taro", "pa55word"));
        try (SubmissionServer server = SubmissionServer.start(behaviour);
                UpstreamClient client = upstream.client(server, UpstreamSecurity.STARTTLS_REQUIRED)) {
            Path file = write(spool, AWKWARD_MESSAGE);
            DeliveryReport wrong = client.deliver(request(file, password("taro", "guess"), "hanako@example.test"));
            RecipientOutcome.Deferred refused = (RecipientOutcome.Deferred) wrong.outcome("hanako@example.test");
            assertTrue(refused.needsCredentials());
            assertEquals("delivery.authRefused", refused.reason().key());
            assertTrue(refused.reason().english().contains("535 5.7.8"), refused.reason().english());
            assertFalse(refused.toString().contains("guess"));

            DeliveryReport none = client.deliver(request(file, "hanako@example.test"));
            RecipientOutcome.Deferred missing = (RecipientOutcome.Deferred) none.outcome("hanako@example.test");
            assertTrue(missing.needsCredentials());
            assertEquals("delivery.authRequired", missing.reason().key());
            assertTrue(missing.reason().english().contains("530 5.7.0"), missing.reason().english());
            assertTrue(server.messages().isEmpty());
        }
    }

    @Test
    void aMechanismTheUpstreamDoesNotOfferIsNeverSwappedForAnother() throws Exception {
        SubmissionBehaviour behaviour = SubmissionBehaviour.startTls(ca.server(SubmissionServer.HOSTNAME, "127.0.0.1"))
                .withAuthRequired(SubmissionAccount.password("taro", "pa55word")).withAuthMechanisms("LOGIN");
        try (SubmissionServer server = SubmissionServer.start(behaviour);
                UpstreamClient client = upstream.client(server, UpstreamSecurity.STARTTLS_REQUIRED)) {
            Credentials plain = new Credentials(AuthMechanism.PLAIN, "", "taro", "pa55word".toCharArray());
            DeliveryReport report = client.deliver(request(write(spool, AWKWARD_MESSAGE), plain,
                    "hanako@example.test"));

            RecipientOutcome.Deferred deferred = (RecipientOutcome.Deferred) report.outcome("hanako@example.test");
            assertEquals("delivery.mechanismNotOffered", deferred.reason().key());
            assertTrue(deferred.needsCredentials());
            assertEquals(List.of(), server.sessions().get(0).authAttempts());
        }
    }
}
