package dev.hikyaku.gateway.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.gateway.auth.AuthMechanism;
import dev.hikyaku.gateway.auth.AuthOutcome;
import dev.hikyaku.gateway.auth.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AUTH PLAIN, LOGIN and XOAUTH2 as mail clients speak them, and every way an attempt can go wrong. */
class SmtpAuthTest {
    private static final String SECRET = "s3cret-Passw0rd";

    private final SpoolingHandler handler = new SpoolingHandler();
    private SubmissionServer server;

    @AfterEach
    void stopServer() {
        server.close();
        assertEquals(List.of(), handler.problems());
    }

    @Test
    void plainWithAnInitialResponseAuthenticatesTheSession() throws IOException {
        start();
        try (RawClient client = greeted()) {
            client.command("AUTH PLAIN " + b64("\0alice@example.org\0" + SECRET), "235 2.7.0 Authentication successful");
            client.command("MAIL FROM:<alice@example.org>", "250 2.1.0");
            client.command("RCPT TO:<bob@example.net>", "250 2.1.5");
            client.command("DATA", "354");
            client.send("hi\r\n.\r\n");
            client.expect("250 2.0.0");
        }
        assertCredentials(AuthMechanism.PLAIN, "", "alice@example.org", SECRET);
        assertEquals(Optional.of("alice@example.org"), handler.committed().get(0).envelope().authenticatedUser());
    }

    @Test
    void plainWithAContinuationAndAnAuthorizationIdentity() throws IOException {
        start();
        try (RawClient client = greeted()) {
            assertEquals("334 ", client.command("AUTH plain", "334"));
            client.command(b64("admin\0alice\0" + SECRET), "235 2.7.0");
        }
        assertCredentials(AuthMechanism.PLAIN, "admin", "alice", SECRET);
    }

    @Test
    void loginAsksForUserNameAndPassword() throws IOException {
        start();
        try (RawClient client = greeted()) {
            assertEquals("334 VXNlcm5hbWU6", client.command("AUTH LOGIN", "334"));
            assertEquals("334 UGFzc3dvcmQ6", client.command(b64("alice"), "334"));
            client.command(b64(SECRET), "235 2.7.0");
        }
        assertCredentials(AuthMechanism.LOGIN, "", "alice", SECRET);
    }

    @Test
    void loginWithTheUserNameInTheCommand() throws IOException {
        start();
        try (RawClient client = greeted()) {
            client.command("AUTH LOGIN " + b64("alice"), "334 UGFzc3dvcmQ6");
            client.command(b64(SECRET), "235 2.7.0");
        }
        assertCredentials(AuthMechanism.LOGIN, "", "alice", SECRET);
    }

    @Test
    void xoauth2TokensLongerThanACommandLineAreAccepted() throws IOException {
        start();
        String token = "ya29." + "t".repeat(4000);
        try (RawClient client = greeted()) {
            client.command("AUTH XOAUTH2 " + b64("user=alice@example.org\u0001auth=Bearer " + token + "\u0001\u0001"),
                    "235 2.7.0");
        }
        assertCredentials(AuthMechanism.XOAUTH2, "", "alice@example.org", token);
    }

    @Test
    void xoauth2RefusalComesAsAJsonChallengeThenTheUpstreamReply() throws IOException {
        start();
        handler.authenticator(c -> new AuthOutcome.Refused(535, "5.7.8", "Username and Password not accepted"));
        try (RawClient client = greeted()) {
            client.command("AUTH XOAUTH2", "334 ");
            String challenge = client.command(b64("user=alice@example.org\u0001auth=Bearer expired\u0001\u0001"), "334 ");
            assertEquals("{\"status\":\"401\",\"schemes\":\"bearer\"}",
                    new String(Base64.getDecoder().decode(challenge.substring(4)), StandardCharsets.US_ASCII));
            client.command("", "535 5.7.8 Username and Password not accepted");
        }
    }

    @Test
    void theUpstreamRefusalIsReplayedWithItsCodesAndPrintableText() throws IOException {
        start();
        handler.authenticator(c -> c.username().equals("bad-code")
                ? new AuthOutcome.Refused(535, "9.9.9", "Nope\u3000日本\r\nX")
                : new AuthOutcome.Refused(534, "5.7.9", "Please log in with your web browser"));
        try (RawClient client = greeted()) {
            client.command("AUTH PLAIN " + b64("\0bad-code\0" + SECRET), "535 5.7.8 Nope?????X");
            client.command("AUTH PLAIN " + b64("\0alice\0" + SECRET), "534 5.7.9 Please log in with your web browser");
        }
    }

    @Test
    void anUnreachableUpstreamIsATemporaryFailure() throws IOException {
        start();
        handler.authenticator(c -> new AuthOutcome.Unavailable("connection to smtp.example.org timed out"));
        try (RawClient client = greeted()) {
            client.command("AUTH PLAIN " + b64("\0alice\0" + SECRET),
                    "454 4.7.0 Cannot check your credentials with the mail server now (connection to smtp.example.org"
                            + " timed out); try again later");
            handler.authenticator(c -> new AuthOutcome.Accepted());
            client.command("AUTH PLAIN " + b64("\0alice\0" + SECRET), "235 2.7.0");
        }
    }

    @Test
    void aStarCancelsWithoutCountingAsAFailure() throws IOException {
        start();
        try (RawClient client = greeted()) {
            for (int i = 0; i < 5; i++) {
                client.command("AUTH LOGIN", "334 VXNlcm5hbWU6");
                client.command("*", "501 5.0.0 Authentication cancelled");
            }
            client.command("AUTH LOGIN " + b64("alice"), "334");
            client.command(b64(SECRET), "235 2.7.0");
        }
    }

    @Test
    void malformedResponsesAreRefused() throws IOException {
        start();
        try (RawClient client = greeted()) {
            client.command("AUTH PLAIN not*base64", "501 5.5.2 Cannot decode the response: it is not valid base64");
            client.command("AUTH PLAIN " + b64("no separators"), "501 5.5.2 The PLAIN response is malformed");
        }
        assertEquals(List.of(), handler.credentials());
    }

    @Test
    void authIsRefusedTwiceInsideATransactionBeforeEhloAndForUnknownMechanisms() throws IOException {
        start();
        try (RawClient client = RawClient.connect(TestServers.address(server))) {
            client.expect("220 ");
            client.command("AUTH PLAIN " + b64("\0alice\0" + SECRET), "503 5.5.1 Send EHLO first");
            client.command("EHLO client.test", "250");
            client.command("AUTH CRAM-MD5", "504 5.5.4");
            client.command("AUTH", "501 5.5.4");
            client.command("MAIL FROM:<a@example.org>", "250 2.1.0");
            client.command("AUTH PLAIN " + b64("\0alice\0" + SECRET), "503 5.5.1 AUTH is not allowed during a mail transaction");
            client.command("RSET", "250");
            client.command("AUTH PLAIN " + b64("\0alice\0" + SECRET), "235 2.7.0");
            client.command("AUTH PLAIN " + b64("\0alice\0" + SECRET), "503 5.5.1 Already authenticated");
        }
        assertEquals(1, handler.credentials().size());
    }

    @Test
    void theThirdFailureEndsTheSession() throws IOException {
        start();
        handler.authenticator(c -> new AuthOutcome.Refused(535, "5.7.8", "Authentication credentials invalid"));
        try (RawClient client = greeted()) {
            client.command("AUTH PLAIN " + b64("\0alice\0wrong1"), "535 5.7.8");
            client.command("AUTH PLAIN " + b64("garbage"), "501 5.5.2");
            client.command("AUTH PLAIN " + b64("\0alice\0wrong3"),
                    "421 4.7.0 Too many failed authentication attempts (last: 535 Authentication credentials invalid)");
            assertEquals("", client.readToEnd());
        }
    }

    @Test
    void aResponseLineOverTheAuthLimitIsRefused() throws IOException {
        start();
        try (RawClient client = greeted()) {
            client.command("AUTH PLAIN", "334 ");
            client.command("A".repeat(13_000), "500 5.5.6 Authentication exchange line is too long");
            client.command("NOOP", "250");
        }
    }

    @Test
    void mailNeedsAuthWhenTheUpstreamDoes() throws IOException {
        start();
        handler.requireAuth(true);
        try (RawClient client = greeted()) {
            client.command("MAIL FROM:<alice@example.org>", "530 5.7.0 Authentication required");
            client.command("AUTH PLAIN " + b64("\0alice\0" + SECRET), "235 2.7.0");
            client.command("MAIL FROM:<alice@example.org>", "250 2.1.0");
        }
    }

    @Test
    void theSecretNeverReachesAReplyOrTheLog() throws IOException {
        start();
        handler.authenticator(c -> {
            throw new IllegalStateException("upstream said no to " + new String(c.secret()));
        });
        List<String> logged = new ArrayList<>();
        Logger logger = Logger.getLogger("dev.hikyaku.gateway.smtp");
        Level level = logger.getLevel();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage() + " " + List.of(Optional.ofNullable(record.getParameters())
                        .orElse(new Object[0])) + " " + record.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
        List<String> replies = new ArrayList<>();
        try (RawClient client = greeted()) {
            replies.add(client.command("AUTH PLAIN " + b64("\0alice\0" + SECRET), "454 4.7.0"));
            replies.add(client.command("AUTH LOGIN " + b64("alice"), "334"));
            replies.add(client.command(b64(SECRET) + "!", "501 5.5.2"));
            replies.add(client.command("AUTH PLAIN " + b64(SECRET), "501 5.5.2"));
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(level);
        }
        assertFalse(logged.isEmpty(), "the handler's failure is logged");
        for (String text : concat(replies, logged)) {
            assertFalse(text.contains(SECRET) || text.contains(b64(SECRET)), text);
        }
    }

    private void start() throws IOException {
        server = TestServers.plain(handler, SmtpLimits.defaults());
    }

    private RawClient greeted() throws IOException {
        return RawClient.greeted(TestServers.address(server));
    }

    private void assertCredentials(AuthMechanism mechanism, String authorizationId, String username, String secret) {
        assertEquals(1, handler.credentials().size());
        Credentials credentials = handler.credentials().get(0);
        assertEquals(mechanism, credentials.mechanism());
        assertEquals(authorizationId, credentials.authorizationId());
        assertEquals(username, credentials.username());
        assertArrayEquals(secret.toCharArray(), credentials.secret());
        assertTrue(credentials.toString().indexOf(secret) < 0);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
