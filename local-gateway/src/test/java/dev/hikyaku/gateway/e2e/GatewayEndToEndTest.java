package dev.hikyaku.gateway.e2e;

import static dev.hikyaku.gateway.e2e.GatewayWorld.SENDER;
import static dev.hikyaku.gateway.e2e.GatewayWorld.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.gateway.AlreadyRunningException;
import dev.hikyaku.gateway.Gateway;
import dev.hikyaku.gateway.auth.AuthMechanism;
import dev.hikyaku.gateway.auth.AuthOutcome;
import dev.hikyaku.gateway.auth.Credentials;
import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.queue.QueueEntry;
import dev.hikyaku.gateway.queue.RecipientState;
import dev.hikyaku.testworld.reference.RequiredTool;
import dev.hikyaku.testworld.smtp.ReceivedMessage;
import dev.hikyaku.testworld.time.ShiftedClock;
import dev.hikyaku.testworld.smtp.SubmissionAccount;
import dev.hikyaku.testworld.smtp.SubmissionBehaviour;
import jakarta.mail.AuthenticationFailedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayEndToEndTest {
    // Folded header, 8-bit UTF-8 body, a line starting with a dot, and no trailing newline surprises.
    private static final byte[] MESSAGE = ("From: Taro <" + SENDER + ">\r\n"
            + "To: hanako@plain.test\r\n"
            + "Subject: =?UTF-8?B?6KaL56mN5pu4?= quarterly\r\n"
            + "X-Folded: first part\r\n\tsecond part\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n"
            + "\r\n"
            + "お見積りをお送りします。\r\n"
            + ".a line that starts with a dot\r\n"
            + "\r\n"
            + "end\r\n").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;
    private GatewayWorld world;

    @BeforeEach
    void world() throws Exception {
        world = new GatewayWorld(folder);
    }

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    @Test
    void aMessageReachesTheUpstreamByteForByte() throws Exception {
        world.upstream(world.startTls());
        world.start(GatewayWorld.quickRetries(Duration.ZERO));
        world.submit(MESSAGE, List.of("hanako@plain.test"), null, null);

        await(() -> world.upstream.messages().size() == 1, "the upstream to receive the message");
        ReceivedMessage received = world.upstream.messages().get(0);
        assertArrayEquals(MESSAGE, received.raw(), "nothing may change on the way");
        assertEquals(List.of("hanako@plain.test"), received.recipients());
        assertEquals(SENDER, received.envelopeFrom());
        assertTrue(world.upstream.sessions().get(0).isTls(), "STARTTLS is required towards the upstream");
        await(() -> world.gateway.queue().isEmpty(), "the message to leave the queue");
    }

    @Test
    void authIsReplayedUpstreamSoAWrongPasswordFailsAtOnce() throws Exception {
        world.upstream(world.startTls().withAuthRequired(SubmissionAccount.password(SENDER, "right")));
        world.start(GatewayWorld.quickRetries(Duration.ZERO));

        assertThrows(AuthenticationFailedException.class,
                () -> world.submit(MESSAGE, List.of("hanako@plain.test"), SENDER, "wrong"));
        assertThrows(Exception.class, () -> world.submit(MESSAGE, List.of("hanako@plain.test"), null, null),
                "no AUTH, no relay");
        world.submit(MESSAGE, List.of("hanako@plain.test"), SENDER, "right");

        await(() -> world.upstream.messages().size() == 1, "the authenticated message upstream");
        assertArrayEquals(MESSAGE, world.upstream.messages().get(0).raw());
        assertTrue(world.upstream.sessions().stream().anyMatch(s -> s.authenticatedUser().isPresent()));
    }

    @Test
    void afterARestartQueuedMailWaitsForThePasswordAndGoesOnceItIsEntered() throws Exception {
        world.upstream(world.startTls().withAuthRequired(SubmissionAccount.password(SENDER, "right")));
        world.start(GatewayWorld.quickRetries(Duration.ofHours(1)));
        world.submit(MESSAGE, List.of("hanako@plain.test"), SENDER, "right");
        await(() -> world.events.stream().anyMatch(e -> e instanceof GatewayEvent.Held), "the hold");

        world.start(GatewayWorld.quickRetries(Duration.ofHours(1)));
        String id = world.gateway.queue().get(0).message().id();
        world.gateway.sendNow(id);
        await(() -> world.events.stream().anyMatch(e -> e instanceof GatewayEvent.WaitingForCredentials waiting
                && waiting.user().equals(SENDER)), "the wait for a password (nothing was kept on disk)");
        Thread.sleep(300);
        assertTrue(world.upstream.messages().isEmpty());

        assertEquals(new AuthOutcome.Refused(535, "5.7.8", "Authentication credentials invalid"),
                world.gateway.enterCredentials(new Credentials(AuthMechanism.PLAIN, "", SENDER, "wrong".toCharArray())));
        assertTrue(world.gateway.enterCredentials(new Credentials(AuthMechanism.PLAIN, "", SENDER,
                "right".toCharArray())) instanceof AuthOutcome.Accepted);
        await(() -> world.upstream.messages().size() == 1, "release once the password is known again");
        assertArrayEquals(MESSAGE, world.upstream.messages().get(0).raw());
    }

    @Test
    void aSecondGatewayOnTheSameDataFolderIsRefused() throws Exception {
        world.start(GatewayWorld.quickRetries(Duration.ZERO));
        assertThrows(AlreadyRunningException.class, () -> Gateway.start(
                world.settings(GatewayWorld.quickRetries(Duration.ZERO)), world.advisor(), event -> { }, Clock.systemUTC()));
    }

    @Test
    void anUpstreamThatIsDownGetsTheMessageWhenItComesBack() throws Exception {
        world.upstream(world.startTls());
        world.start(GatewayWorld.quickRetries(Duration.ZERO));
        world.upstream.stop();
        world.submit(MESSAGE, List.of("hanako@plain.test"), null, null);

        await(() -> world.events.stream().anyMatch(e -> e instanceof GatewayEvent.Deferred), "a deferral");
        QueueEntry waiting = world.gateway.queue().get(0);
        assertEquals(RecipientState.HELD, waiting.recipients().get(0).state());
        assertFalse(waiting.recipients().get(0).detail().isEmpty(), "the reason is kept for the user");

        world.upstream.restart();
        await(() -> world.upstream.messages().size() == 1, "delivery after the upstream came back");
        assertArrayEquals(MESSAGE, world.upstream.messages().get(0).raw());
    }

    @Test
    void aPermanentRefusalFailsThatRecipientOnlyAndTellsTheSender() throws Exception {
        world.upstream(world.startTls());
        world.upstream.script().replyToRecipient("nobody@plain.test", "550 5.1.1 No such user here");
        world.start(GatewayWorld.quickRetries(Duration.ZERO));
        world.submit(MESSAGE, List.of("hanako@plain.test", "nobody@plain.test"), null, null);

        await(() -> world.upstream.messages().size() == 2, "the message and the failure notice");
        ReceivedMessage delivered = world.upstream.messages().get(0);
        assertEquals(List.of("hanako@plain.test"), delivered.recipients());
        ReceivedMessage notice = world.upstream.messages().get(1);
        assertEquals(List.of(SENDER), notice.recipients(), "the notice goes back to the sender");
        String text = notice.text();
        assertTrue(text.contains("nobody@plain.test"), text);
        assertTrue(world.events.stream().anyMatch(e -> e instanceof GatewayEvent.Failed failed
                && failed.recipients().equals(List.of("nobody@plain.test")) && failed.reason().contains("550")));
    }

    @Test
    void heldMailWaitsForSendNowAndCancelledMailNeverLeaves() throws Exception {
        world.upstream(world.startTls());
        world.start(GatewayWorld.quickRetries(Duration.ofHours(1)));
        world.submit(MESSAGE, List.of("hanako@plain.test"), null, null);
        world.submit(MESSAGE, List.of("jiro@plain.test"), null, null);
        await(() -> world.gateway.queue().size() == 2
                && world.gateway.queue().stream().allMatch(e -> e.recipients().get(0).state() == RecipientState.HELD),
                "both held");
        String first = world.gateway.queue().get(0).message().id();
        String second = world.gateway.queue().get(1).message().id();

        assertTrue(world.gateway.sendNow(first));
        world.gateway.sendNow(first);
        assertEquals(1, world.gateway.cancel(second));
        assertEquals(0, world.gateway.cancel(second), "a double click cancels nothing more");

        await(() -> world.upstream.messages().size() == 1, "the released message");
        await(() -> world.gateway.queue().isEmpty(), "both retired");
        Thread.sleep(300);
        assertEquals(1, world.upstream.messages().size(), "sent once, and the cancelled one never");
        assertEquals(List.of("hanako@plain.test"), world.upstream.messages().get(0).recipients());
    }

    @Test
    void authenticatedRoutesAskTheUpstreamForRequireTls() throws Exception {
        world.upstream(world.startTls().withRequireTls());
        world.start(GatewayWorld.quickRetries(Duration.ZERO));
        world.submit(MESSAGE, List.of("ken@secure.test", "hanako@plain.test"), null, null);

        await(() -> world.upstream.messages().size() == 2, "two transactions");
        ReceivedMessage pinned = world.upstream.messages().stream()
                .filter(m -> m.recipients().contains("ken@secure.test")).findFirst().orElseThrow();
        ReceivedMessage ordinary = world.upstream.messages().stream()
                .filter(m -> m.recipients().contains("hanako@plain.test")).findFirst().orElseThrow();
        assertTrue(pinned.mailParameters().contains("REQUIRETLS"), pinned.mailParameters().toString());
        assertFalse(ordinary.mailParameters().contains("REQUIRETLS"), ordinary.mailParameters().toString());
        assertArrayEquals(MESSAGE, pinned.raw());
        assertFalse(new String(pinned.raw(), StandardCharsets.UTF_8).contains("TLS-Required"));
    }

    @Test
    void mailThatWakesUpADayLateWaitsForTheUsersWord() throws Exception {
        ShiftedClock clock = new ShiftedClock();
        world.start(GatewayWorld.quickRetries(Duration.ofMinutes(5)), clock);
        world.submit(MESSAGE, List.of("hanako@plain.test"), null, null);
        await(() -> world.events.stream().anyMatch(e -> e instanceof GatewayEvent.Held), "the hold");
        world.gateway.close();

        clock.advance(Duration.ofDays(2));
        world.start(GatewayWorld.quickRetries(Duration.ofMinutes(5)), clock);
        await(() -> world.events.stream().anyMatch(e -> e instanceof GatewayEvent.Overdue), "the overdue notice");
        Thread.sleep(300);
        assertTrue(world.events.stream().noneMatch(e -> e instanceof GatewayEvent.Sandboxed), "nothing left unasked");
        QueueEntry overdue = world.gateway.queue().get(0);
        assertEquals(RecipientState.OVERDUE, overdue.recipients().get(0).state());

        assertTrue(world.gateway.sendNow(overdue.message().id()));
        await(() -> world.events.stream().anyMatch(e -> e instanceof GatewayEvent.Sandboxed), "delivery once asked");
    }

    @Test
    void theSandboxKeepsMailOnThisPc() throws Exception {
        world.start(GatewayWorld.quickRetries(Duration.ZERO));
        world.submit(MESSAGE, List.of("hanako@plain.test"), null, null);

        Path outbox = world.data.resolve("data/sandbox-outbox");
        await(() -> {
            try (Stream<Path> files = Files.exists(outbox) ? Files.list(outbox) : Stream.empty()) {
                return files.count() == 1;
            } catch (Exception e) {
                return false;
            }
        }, "the sandbox outbox to hold the message");
        try (Stream<Path> files = Files.list(outbox)) {
            assertArrayEquals(MESSAGE, Files.readAllBytes(files.findFirst().orElseThrow()));
        }
    }

    @Test
    void swaksSubmitsThroughTheGatewayOverStartTls() throws Exception {
        RequiredTool.require(Files.isExecutable(Path.of("/usr/bin/swaks")), "swaks is missing");
        world.upstream(world.startTls());
        world.start(GatewayWorld.quickRetries(Duration.ZERO));
        Process swaks = new ProcessBuilder("swaks", "--server", "127.0.0.1", "--port", Integer.toString(world.port()),
                "--tls", "--from", SENDER, "--to", "hanako@plain.test", "--header", "Subject: from swaks",
                "--body", "hello from swaks").redirectErrorStream(true).start();
        String transcript = new String(swaks.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, swaks.waitFor(), transcript);
        assertTrue(transcript.contains("STARTTLS"), transcript);
        await(() -> world.upstream.messages().size() == 1, "the swaks message upstream");
        assertTrue(world.upstream.messages().get(0).text().contains("hello from swaks"));
    }
}
