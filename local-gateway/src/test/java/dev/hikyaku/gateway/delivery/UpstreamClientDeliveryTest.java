package dev.hikyaku.gateway.delivery;

import static dev.hikyaku.gateway.delivery.TestUpstream.AWKWARD_MESSAGE;
import static dev.hikyaku.gateway.delivery.TestUpstream.password;
import static dev.hikyaku.gateway.delivery.TestUpstream.request;
import static dev.hikyaku.gateway.delivery.TestUpstream.utf8;
import static dev.hikyaku.gateway.delivery.TestUpstream.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.smtp.ReceivedMessage;
import dev.hikyaku.testworld.smtp.SubmissionAccount;
import dev.hikyaku.testworld.smtp.SubmissionBehaviour;
import dev.hikyaku.testworld.smtp.SubmissionServer;
import dev.hikyaku.testworld.smtp.SubmissionSession;
import dev.hikyaku.testworld.time.ShiftedClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Delivery to a real submission server on loopback: bytes, envelopes, per-recipient outcomes, connection reuse. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpstreamClientDeliveryTest {

    private final FixtureCa ca = FixtureCa.create();
    private final TestUpstream upstream = new TestUpstream(ca);

    @TempDir
    Path spool;

    @AfterAll
    void stopTimer() {
        upstream.close();
    }

    private SubmissionBehaviour startTls() {
        return SubmissionBehaviour.startTls(ca.server(SubmissionServer.HOSTNAME, "127.0.0.1"));
    }

    @Test
    void theUpstreamReceivesTheFileByteForByteWithoutAuth() throws Exception {
        try (SubmissionServer server = SubmissionServer.start(startTls());
                UpstreamClient client = upstream.client(server, UpstreamSecurity.STARTTLS_REQUIRED)) {
            Path file = write(spool, AWKWARD_MESSAGE);
            DeliveryReport report = client.deliver(request(file, "hanako@example.test", "jiro@example.test"));

            assertTrue(report.allAccepted(), report.toString());
            RecipientOutcome.Accepted accepted = (RecipientOutcome.Accepted) report.outcome("hanako@example.test");
            assertTrue(accepted.reply().startsWith("250 2.0.0"), accepted.reply());
            ReceivedMessage received = server.messages().get(0);
            assertArrayEquals(AWKWARD_MESSAGE, received.raw());
            assertEquals("taro@example.test", received.envelopeFrom());
            assertEquals(List.of("hanako@example.test", "jiro@example.test"), received.recipients());
            assertEquals(List.of("SIZE=" + AWKWARD_MESSAGE.length), received.mailParameters());
            assertTrue(received.overTls());
            assertEquals(Optional.of("gateway.example.test"), server.sessions().get(0).ehloName());
        }
    }

    @Test
    void theUpstreamReceivesTheFileByteForByteAfterAuthAndSeesTheAnnouncedBody() throws Exception {
        SubmissionBehaviour behaviour = startTls().withAuthRequired(SubmissionAccount.password("taro", "pa55word"));
        try (SubmissionServer server = SubmissionServer.start(behaviour);
                UpstreamClient client = upstream.client(server, UpstreamSecurity.STARTTLS_REQUIRED)) {
            Path file = write(spool, AWKWARD_MESSAGE);
            DeliveryRequest request = new DeliveryRequest(file, "taro@example.test", List.of("hanako@example.test"),
                    false, true, true, Optional.of(password("taro", "pa55word")));
            DeliveryReport report = client.deliver(request);

            assertTrue(report.allAccepted(), report.toString());
            SubmissionSession session = server.sessions().get(0);
            assertEquals(Optional.of("taro"), session.authenticatedUser());
            ReceivedMessage received = server.messages().get(0);
            assertArrayEquals(AWKWARD_MESSAGE, received.raw());
            assertEquals(List.of("SMTPUTF8", "SIZE=" + AWKWARD_MESSAGE.length, "BODY=8BITMIME"),
                    received.mailParameters());
        }
    }

    @Test
    void aFileWithoutAFinalLineBreakGetsOneAsSmtpRequires() throws Exception {
        try (SubmissionServer server = SubmissionServer.start(SubmissionBehaviour.plain());
                UpstreamClient client = upstream.client(server, UpstreamSecurity.NONE)) {
            Path file = write(spool, utf8("Subject: short\r\n\r\nno line break at the end"));
            assertTrue(client.deliver(request(file, "hanako@example.test")).allAccepted());

            assertEquals("Subject: short\r\n\r\nno line break at the end\r\n", server.messages().get(0).text());
        }
    }

    @Test
    void theNullSenderAndRepeatedRecipientsAreSentAsSmtpExpects() throws Exception {
        try (SubmissionServer server = SubmissionServer.start(SubmissionBehaviour.plain());
                UpstreamClient client = upstream.client(server, UpstreamSecurity.NONE)) {
            Path file = write(spool, utf8("Subject: bounce\r\n\r\nbody\r\n"));
            DeliveryRequest request = new DeliveryRequest(file, "", List.of("a@example.test", "a@example.test"),
                    false, false, false, Optional.empty());
            DeliveryReport report = client.deliver(request);

            assertEquals(List.of("a@example.test"), List.copyOf(report.outcomes().keySet()));
            ReceivedMessage received = server.messages().get(0);
            assertEquals("", received.envelopeFrom());
            assertEquals(List.of("a@example.test"), received.recipients());
        }
    }

    @Test
    void eachRecipientGetsItsOwnOutcomeInOneMessage() throws Exception {
        try (SubmissionServer server = SubmissionServer.start(startTls());
                UpstreamClient client = upstream.client(server, UpstreamSecurity.STARTTLS_REQUIRED)) {
            server.script().replyToRecipient("gone@example.test", "550 5.1.1 No such user here");
            server.script().replyToRecipient("full@example.test", "451 4.3.0 Mailbox busy, try later");
            Path file = write(spool, AWKWARD_MESSAGE);
            DeliveryReport report = client.deliver(request(file, "gone@example.test", "ok@example.test",
                    "full@example.test"));

            assertEquals(new RecipientOutcome.Rejected(550, "5.1.1", "No such user here"),
                    report.outcome("gone@example.test"));
            assertInstanceOf(RecipientOutcome.Accepted.class, report.outcome("ok@example.test"));
            RecipientOutcome.Deferred busy = (RecipientOutcome.Deferred) report.outcome("full@example.test");
            assertFalse(busy.needsCredentials());
            assertTrue(busy.reason().english().contains("451 4.3.0 Mailbox busy, try later"), busy.reason().english());
            assertEquals(List.of("gone@example.test", "ok@example.test", "full@example.test"),
                    List.copyOf(report.outcomes().keySet()), "the report keeps the request's order");
            assertEquals(List.of("ok@example.test"), server.messages().get(0).recipients());
            assertArrayEquals(AWKWARD_MESSAGE, server.messages().get(0).raw());
        }
    }

    @Test
    void everyRecipientRefusedMeansNoMessage() throws Exception {
        try (SubmissionServer server = SubmissionServer.start(SubmissionBehaviour.plain());
                UpstreamClient client = upstream.client(server, UpstreamSecurity.NONE)) {
            server.script().replyToRecipient("gone@example.test", "550 5.1.1 No such user");
            server.script().replyToRecipient("later@example.test", "452 4.2.2 Over quota");
            DeliveryReport report = client.deliver(request(write(spool, AWKWARD_MESSAGE), "gone@example.test",
                    "later@example.test"));

            assertEquals(List.of("gone@example.test"), report.recipients(RecipientOutcome.Rejected.class));
            assertEquals(List.of("later@example.test"), report.recipients(RecipientOutcome.Deferred.class));
            assertTrue(server.messages().isEmpty());
            assertTrue(server.sessions().get(0).commands("DATA").isEmpty());
        }
    }

    @Test
    void aPermanentDataReplyRejectsAndATemporaryOneDefersEveryAcceptedRecipient() throws Exception {
        try (SubmissionServer server = SubmissionServer.start(SubmissionBehaviour.plain());
                UpstreamClient client = upstream.client(server, UpstreamSecurity.NONE)) {
            Path file = write(spool, AWKWARD_MESSAGE);
            server.script().replyToRecipient("gone@example.test", "550 5.1.1 No such user");
            server.script().replyToNextData("554 5.6.0 Message content refused");
            DeliveryReport refused = client.deliver(request(file, "a@example.test", "b@example.test",
                    "gone@example.test"));
            assertEquals(new RecipientOutcome.Rejected(554, "5.6.0", "Message content refused"),
                    refused.outcome("a@example.test"));
            assertEquals(refused.outcome("a@example.test"), refused.outcome("b@example.test"));
            assertEquals(new RecipientOutcome.Rejected(550, "5.1.1", "No such user"),
                    refused.outcome("gone@example.test"));

            server.script().replyToNextData("451 4.3.0 Queue full");
            DeliveryReport deferred = client.deliver(request(file, "a@example.test"));
            assertTrue(((RecipientOutcome.Deferred) deferred.outcome("a@example.test")).reason().english()
                    .contains("451 4.3.0 Queue full"));
            assertTrue(server.messages().isEmpty());

            assertTrue(client.deliver(request(file, "a@example.test")).allAccepted());
            assertEquals(1, server.connectionCount(), "after refusals the connection still takes the next message");
        }
    }

    @Test
    void requireTlsIsAskedForOnlyWhenTheUpstreamOffersIt() throws Exception {
        Path file = write(spool, AWKWARD_MESSAGE);
        DeliveryRequest asking = new DeliveryRequest(file, "taro@example.test", List.of("hanako@example.test"),
                true, false, false, Optional.empty());
        try (SubmissionServer offering = SubmissionServer.start(startTls().withRequireTls());
                UpstreamClient client = upstream.client(offering, UpstreamSecurity.STARTTLS_REQUIRED)) {
            DeliveryReport report = client.deliver(asking);
            assertTrue(report.requireTlsUsed());
            assertTrue(offering.messages().get(0).mailParameters().contains("REQUIRETLS"));

            DeliveryReport notAsked = client.deliver(request(file, "hanako@example.test"));
            assertFalse(notAsked.requireTlsUsed());
            assertFalse(offering.messages().get(1).mailParameters().contains("REQUIRETLS"));
        }
        // The fixture refuses parameters it did not advertise, so asking anyway would fail the delivery.
        try (SubmissionServer silent = SubmissionServer.start(startTls());
                UpstreamClient client = upstream.client(silent, UpstreamSecurity.STARTTLS_REQUIRED)) {
            DeliveryReport report = client.deliver(asking);
            assertTrue(report.allAccepted(), report.toString());
            assertFalse(report.requireTlsUsed());
            assertFalse(silent.messages().get(0).mailParameters().contains("REQUIRETLS"));
            assertFalse(silent.messages().get(0).text().contains("TLS-Required"));
        }
    }

    @Test
    void eightBitAndUtf8AreAnnouncedOnlyWhereOfferedAndTheBytesStayTheSame() throws Exception {
        Path file = write(spool, AWKWARD_MESSAGE);
        try (SubmissionServer server = SubmissionServer.start(SubmissionBehaviour.plain().withoutEightBitMime()
                .withoutSmtpUtf8());
                UpstreamClient client = upstream.client(server, UpstreamSecurity.NONE)) {
            DeliveryRequest request = new DeliveryRequest(file, "taro@example.test",
                    List.of("hanako@example.test", "\u82b1\u5b50@example.test"), false, true, true, Optional.empty());
            DeliveryReport report = client.deliver(request);

            assertInstanceOf(RecipientOutcome.Accepted.class, report.outcome("hanako@example.test"));
            assertEquals(new RecipientOutcome.Rejected(553, "5.6.7",
                    "The upstream server does not support SMTPUTF8, which this non-ASCII address needs"),
                    report.outcome("\u82b1\u5b50@example.test"));
            ReceivedMessage received = server.messages().get(0);
            assertEquals(List.of("SIZE=" + AWKWARD_MESSAGE.length), received.mailParameters());
            assertArrayEquals(AWKWARD_MESSAGE, received.raw());
        }
        try (SubmissionServer server = SubmissionServer.start(SubmissionBehaviour.plain());
                UpstreamClient client = upstream.client(server, UpstreamSecurity.NONE)) {
            DeliveryRequest request = new DeliveryRequest(file, "\u592a\u90ce@example.test",
                    List.of("\u82b1\u5b50@example.test"), false, true, false, Optional.empty());
            assertTrue(client.deliver(request).allAccepted());

            ReceivedMessage received = server.messages().get(0);
            assertEquals("\u592a\u90ce@example.test", received.envelopeFrom());
            assertEquals(List.of("\u82b1\u5b50@example.test"), received.recipients());
            assertTrue(received.mailParameters().contains("SMTPUTF8"));
        }
    }

    @Test
    void tenMessagesTravelOverOneConnection() throws Exception {
        SubmissionBehaviour behaviour = startTls().withAuthRequired(SubmissionAccount.password("taro", "pa55word"));
        try (SubmissionServer server = SubmissionServer.start(behaviour);
                UpstreamClient client = upstream.client(server, UpstreamSecurity.STARTTLS_REQUIRED)) {
            Path file = write(spool, AWKWARD_MESSAGE);
            for (int i = 0; i < 10; i++) {
                assertTrue(client.deliver(request(file, password("taro", "pa55word"), "hanako@example.test"))
                        .allAccepted());
            }
            assertEquals(1, server.connectionCount());
            assertEquals(10, server.messages().size());
            assertEquals(1, server.sessions().get(0).authAttempts().size(), "one AUTH for the whole connection");
        }
    }

    @Test
    void differentCredentialsNeverShareAConnection() throws Exception {
        SubmissionBehaviour behaviour = startTls().withAuthRequired(SubmissionAccount.password("taro", "one"),
                SubmissionAccount.password("hanako", "two"));
        try (SubmissionServer server = SubmissionServer.start(behaviour);
                UpstreamClient client = upstream.client(server, UpstreamSecurity.STARTTLS_REQUIRED)) {
            Path file = write(spool, AWKWARD_MESSAGE);
            assertTrue(client.deliver(request(file, password("taro", "one"), "a@example.test")).allAccepted());
            assertTrue(client.deliver(request(file, password("hanako", "two"), "a@example.test")).allAccepted());
            assertTrue(client.deliver(request(file, password("taro", "one"), "a@example.test")).allAccepted());

            assertEquals(2, server.connectionCount());
            assertEquals(List.of(Optional.of("taro"), Optional.of("hanako")),
                    server.sessions().stream().map(SubmissionSession::authenticatedUser).toList());
            assertEquals(2, server.sessions().get(0).messages().size());
        }
    }

    @Test
    void aReusedConnectionTheUpstreamDroppedIsRetriedOnceOnAFreshOne() throws Exception {
        try (SubmissionServer server = SubmissionServer.start(startTls());
                UpstreamClient client = upstream.client(server, UpstreamSecurity.STARTTLS_REQUIRED)) {
            Path file = write(spool, AWKWARD_MESSAGE);
            assertTrue(client.deliver(request(file, "hanako@example.test")).allAccepted());
            // The upstream restarts: the pooled connection is dead but looks open until used.
            server.stop();
            server.restart();

            DeliveryReport report = client.deliver(request(file, "hanako@example.test"));
            assertTrue(report.allAccepted(), report.toString());
            assertEquals(2, server.connectionCount());
            assertEquals(2, server.messages().size());
        }
    }

    @Test
    void whileTheUpstreamIsDownEveryoneIsDeferredAndOnceBackDelivered() throws Exception {
        try (SubmissionServer server = SubmissionServer.start(startTls());
                UpstreamClient client = upstream.client(server, UpstreamSecurity.STARTTLS_REQUIRED)) {
            Path file = write(spool, AWKWARD_MESSAGE);
            assertTrue(client.deliver(request(file, "hanako@example.test")).allAccepted());
            server.stop();

            DeliveryReport down = client.deliver(request(file, "hanako@example.test", "jiro@example.test"));
            assertEquals(List.of("hanako@example.test", "jiro@example.test"),
                    down.recipients(RecipientOutcome.Deferred.class));
            RecipientOutcome.Deferred deferred = (RecipientOutcome.Deferred) down.outcome("hanako@example.test");
            assertFalse(deferred.needsCredentials());
            assertEquals("delivery.connectFailed", deferred.reason().key());
            assertTrue(deferred.reason().english().contains("127.0.0.1"), deferred.reason().english());

            server.restart();
            assertTrue(client.deliver(request(file, "hanako@example.test")).allAccepted());
            assertEquals(2, server.messages().size());
        }
    }

    @Test
    void aNulByteAbortsTheTransferAndTheUpstreamKeepsNothing() throws Exception {
        try (SubmissionServer server = SubmissionServer.start(startTls());
                UpstreamClient client = upstream.client(server, UpstreamSecurity.STARTTLS_REQUIRED)) {
            server.script().replyToRecipient("gone@example.test", "550 5.1.1 No such user");
            Path file = write(spool, TestUpstream.concat(utf8("Subject: nul\r\n\r\nbefore"), new byte[] {0},
                    utf8("after\r\n")));
            DeliveryReport report = client.deliver(request(file, "hanako@example.test", "gone@example.test"));

            RecipientOutcome.Rejected rejected = (RecipientOutcome.Rejected) report.outcome("hanako@example.test");
            assertEquals(554, rejected.code());
            assertTrue(rejected.text().contains("NUL"), rejected.text());
            assertEquals(rejected, report.outcome("gone@example.test"), "the message is refused for everyone");
            awaitNoOpenConnections(server);
            assertTrue(server.messages().isEmpty());
            assertEquals(List.of("DATA"), server.sessions().get(0).commands("DATA"), "the transfer had begun");

            assertTrue(client.deliver(request(write(spool, AWKWARD_MESSAGE), "hanako@example.test")).allAccepted(),
                    "the dropped connection is not reused");
            assertEquals(2, server.connectionCount());
        }
    }

    @Test
    void aMissingMessageFileDefersWithoutTouchingTheUpstream() throws Exception {
        try (SubmissionServer server = SubmissionServer.start(SubmissionBehaviour.plain());
                UpstreamClient client = upstream.client(server, UpstreamSecurity.NONE)) {
            DeliveryReport report = client.deliver(request(spool.resolve("gone.eml"), "hanako@example.test"));

            assertEquals("delivery.messageUnreadable",
                    ((RecipientOutcome.Deferred) report.outcome("hanako@example.test")).reason().key());
            assertEquals(0, server.connectionCount());
        }
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        ShiftedClock clock = new ShiftedClock();
        try (SubmissionServer server = SubmissionServer.start(SubmissionBehaviour.plain());
                UpstreamClient client = upstream.client(upstream.settings(server, UpstreamSecurity.NONE), clock)) {
            Path file = write(spool, AWKWARD_MESSAGE);
            assertTrue(client.deliver(request(file, "hanako@example.test")).allAccepted());
            clock.advance(UpstreamSettings.DEFAULT_IDLE_TIMEOUT.plusSeconds(1));

            assertTrue(client.deliver(request(file, "hanako@example.test")).allAccepted());
            assertEquals(2, server.connectionCount());
            // Whether the next delivery or the background sweep closed it, the idle one says goodbye.
            TestUpstream.await(() -> server.sessions().get(0).commands("QUIT").size() == 1);
            assertTrue(server.sessions().get(1).commands("QUIT").isEmpty(), "the fresh one stays for the next message");
        }
    }

    @Test
    void closeSaysQuitOnEveryPooledConnection() throws Exception {
        try (SubmissionServer server = SubmissionServer.start(SubmissionBehaviour.plain())) {
            UpstreamClient client = upstream.client(server, UpstreamSecurity.NONE);
            assertTrue(client.deliver(request(write(spool, AWKWARD_MESSAGE), "hanako@example.test")).allAccepted());
            client.close();

            TestUpstream.await(() -> server.sessions().get(0).commands("QUIT").size() == 1);
            DeliveryReport after = client.deliver(request(write(spool, AWKWARD_MESSAGE), "hanako@example.test"));
            assertEquals("delivery.closed", ((RecipientOutcome.Deferred) after.outcome("hanako@example.test"))
                    .reason().key());
        }
    }

    @Test
    void parallelDeliveriesStayWithinTheConnectionLimit() throws Exception {
        try (SubmissionServer server = SubmissionServer.start(SubmissionBehaviour.plain());
                UpstreamClient client = upstream.client(upstream.settings(server, UpstreamSecurity.NONE)
                        .withMaxPooledConnections(2))) {
            Path file = write(spool, AWKWARD_MESSAGE);
            ExecutorService senders = Executors.newFixedThreadPool(6);
            try {
                List<Future<DeliveryReport>> reports = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    reports.add(senders.submit(() -> client.deliver(request(file, "hanako@example.test"))));
                }
                for (Future<DeliveryReport> report : reports) {
                    assertTrue(report.get(TestUpstream.TIMEOUT.toSeconds(), TimeUnit.SECONDS).allAccepted());
                }
            } finally {
                senders.shutdownNow();
            }
            assertEquals(24, server.messages().size());
            assertTrue(server.peakConcurrentConnections() <= 2, "peak " + server.peakConcurrentConnections());
        }
    }

    private static void awaitNoOpenConnections(SubmissionServer server) throws InterruptedException {
        TestUpstream.await(() -> server.openConnections() == 0);
    }
}
