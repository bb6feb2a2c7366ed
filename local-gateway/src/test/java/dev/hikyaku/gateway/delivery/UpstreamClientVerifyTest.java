package dev.hikyaku.gateway.delivery;

import static dev.hikyaku.gateway.delivery.TestUpstream.AWKWARD_MESSAGE;
import static dev.hikyaku.gateway.delivery.TestUpstream.request;
import static dev.hikyaku.gateway.delivery.TestUpstream.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.gateway.auth.AuthMechanism;
import dev.hikyaku.gateway.auth.AuthOutcome;
import dev.hikyaku.gateway.auth.Credentials;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.smtp.AuthAttempt;
import dev.hikyaku.testworld.smtp.SubmissionAccount;
import dev.hikyaku.testworld.smtp.SubmissionBehaviour;
import dev.hikyaku.testworld.smtp.SubmissionServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Credentials replayed upstream at AUTH time, and whether the upstream wants AUTH at all. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpstreamClientVerifyTest {

    private static final String SECRET = "correct-horse-battery";
    private static final String TOKEN = "ya29.a0AfH6SMB-token";

    private final FixtureCa ca = FixtureCa.create();
    private final TestUpstream upstream = new TestUpstream(ca);

    @TempDir
    Path spool;

    @AfterAll
    void stopTimer() {
        upstream.close();
    }

    private SubmissionServer startServer() throws Exception {
        return SubmissionServer.start(SubmissionBehaviour.startTls(ca.server(SubmissionServer.HOSTNAME, "127.0.0.1"))
                .withAuthRequired(SubmissionAccount.password("taro", SECRET), SubmissionAccount.oauth("taro", TOKEN)));
    }

    @Test
    void eachMechanismIsReplayedExactlyAsTheClientUsedIt() throws Exception {
        try (SubmissionServer server = startServer();
                UpstreamClient client = upstream.client(server, UpstreamSecurity.STARTTLS_REQUIRED)) {
            assertEquals(new AuthOutcome.Accepted(),
                    client.verify(new Credentials(AuthMechanism.PLAIN, "", "taro", SECRET.toCharArray())));
            assertEquals(new AuthOutcome.Accepted(),
                    client.verify(new Credentials(AuthMechanism.PLAIN, "taro", "taro", SECRET.toCharArray())));
            assertEquals(new AuthOutcome.Accepted(),
                    client.verify(new Credentials(AuthMechanism.LOGIN, "", "taro", SECRET.toCharArray())));
            assertEquals(new AuthOutcome.Accepted(),
                    client.verify(new Credentials(AuthMechanism.XOAUTH2, "", "taro", TOKEN.toCharArray())));

            assertEquals(List.of(new AuthAttempt("PLAIN", "", "taro", true),
                            new AuthAttempt("PLAIN", "taro", "taro", true),
                            new AuthAttempt("LOGIN", "", "taro", true), new AuthAttempt("XOAUTH2", "", "taro", true)),
                    server.sessions().stream().flatMap(session -> session.authAttempts().stream()).toList());
            assertTrue(server.sessions().stream().allMatch(session -> session.isTls()));
            TestUpstream.await(() -> server.sessions().stream()
                    .allMatch(session -> session.commands("QUIT").size() == 1));
        }
    }

    @Test
    void refusalsCarryTheUpstreamsCodeAndText() throws Exception {
        try (SubmissionServer server = startServer();
                UpstreamClient client = upstream.client(server, UpstreamSecurity.STARTTLS_REQUIRED)) {
            Credentials wrong = new Credentials(AuthMechanism.LOGIN, "", "taro", "not-the-password".toCharArray());
            AuthOutcome outcome = client.verify(wrong);

            assertEquals(new AuthOutcome.Refused(535, "5.7.8", "Authentication credentials invalid"), outcome);
            // A password is no bearer token: XOAUTH2 with it is refused too.
            assertInstanceOf(AuthOutcome.Refused.class,
                    client.verify(new Credentials(AuthMechanism.XOAUTH2, "", "taro", SECRET.toCharArray())));
        }
    }

    @Test
    void anUnreachableUpstreamIsUnavailableNotRefused() throws Exception {
        SubmissionServer server = startServer();
        UpstreamSettings settings = upstream.settings(server, UpstreamSecurity.STARTTLS_REQUIRED);
        server.close();
        try (UpstreamClient client = upstream.client(settings)) {
            AuthOutcome outcome = client.verify(new Credentials(AuthMechanism.PLAIN, "", "taro", SECRET.toCharArray()));

            AuthOutcome.Unavailable unavailable = assertInstanceOf(AuthOutcome.Unavailable.class, outcome);
            assertTrue(unavailable.reason().contains("127.0.0.1"), unavailable.reason());
            assertTrue(unavailable.reason().chars().allMatch(c -> c >= 0x20 && c < 0x7f), "fit for a 454 reply");
            UpstreamUnavailableException down = assertThrows(UpstreamUnavailableException.class,
                    client::authenticationNeeded);
            assertEquals("delivery.connectFailed", down.problem().key());
        }
    }

    @Test
    void authenticationIsNeededWhenTheUpstreamOffersAuth() throws Exception {
        try (SubmissionServer server = startServer();
                UpstreamClient client = upstream.client(server, UpstreamSecurity.STARTTLS_REQUIRED)) {
            assertTrue(client.authenticationNeeded());
        }
        try (SubmissionServer server = SubmissionServer.start(SubmissionBehaviour.plain());
                UpstreamClient client = upstream.client(server, UpstreamSecurity.NONE)) {
            assertFalse(client.authenticationNeeded());
            assertEquals(List.of("MAIL FROM:<>"), server.sessions().get(0).commands("MAIL"));
            assertTrue(server.messages().isEmpty());
        }
    }

    @Test
    void theSecretAppearsInNoTextAnywhere() throws Exception {
        try (SubmissionServer server = startServer();
                UpstreamClient client = upstream.client(server, UpstreamSecurity.STARTTLS_REQUIRED)) {
            Credentials wrong = new Credentials(AuthMechanism.PLAIN, "", "taro", (SECRET + "-wrong").toCharArray());
            Credentials right = new Credentials(AuthMechanism.PLAIN, "", "taro", SECRET.toCharArray());
            DeliveryRequest refusedRequest = request(write(spool, AWKWARD_MESSAGE), wrong, "hanako@example.test");
            DeliveryRequest acceptedRequest = request(write(spool, AWKWARD_MESSAGE), right, "hanako@example.test");
            List<String> texts = List.of(client.toString(), client.settings().toString(),
                    client.verify(wrong).toString(),
                    refusedRequest.toString(), client.deliver(refusedRequest).toString(),
                    acceptedRequest.toString(), client.deliver(acceptedRequest).toString());

            for (String text : texts) {
                assertFalse(text.contains(SECRET), text);
            }
            assertTrue(server.sessions().stream().flatMap(session -> session.commands().stream())
                    .noneMatch(line -> line.contains(SECRET)));
        }
        SubmissionServer gone = startServer();
        UpstreamSettings settings = upstream.settings(gone, UpstreamSecurity.STARTTLS_REQUIRED);
        gone.close();
        try (UpstreamClient client = upstream.client(settings)) {
            Credentials credentials = new Credentials(AuthMechanism.PLAIN, "", "taro", SECRET.toCharArray());
            assertFalse(client.verify(credentials).toString().contains(SECRET));
        }
    }
}
