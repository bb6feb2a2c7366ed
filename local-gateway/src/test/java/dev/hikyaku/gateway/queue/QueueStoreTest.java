package dev.hikyaku.gateway.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

    @TempDir
    Path folder;
    private QueueStore queue;

    @BeforeEach
    void open() {
        queue = QueueStore.open(folder.resolve("queue.db"));
    }

    @AfterEach
    void close() {
        queue.close();
    }

    private static QueuedMessage message(String id, String... recipients) {
        return new QueuedMessage(id, T0, "me@example.jp", List.of(recipients), Optional.empty(), false, false, 10, false);
    }

    private RecipientState state(String id, String address) {
        return queue.find(id).orElseThrow().recipients().stream().filter(r -> r.address().equals(address)).findFirst()
                .orElseThrow().state();
    }

    @Test
    void aRecipientWalksAcceptedHeldReleasingSent() {
        queue.accept(message("m1", "a@x.jp", "b@y.jp"));
        assertEquals(List.of("m1"), queue.undecided());
        assertEquals(RecipientState.ACCEPTED, state("m1", "a@x.jp"));

        assertEquals(2, queue.hold("m1", T0.plusSeconds(300)));
        assertTrue(queue.undecided().isEmpty());
        assertTrue(queue.claimDue(T0.plusSeconds(299), message -> true, 10).isEmpty(), "not due before the hold ends");

        List<QueueEntry> claimed = queue.claimDue(T0.plusSeconds(300), message -> true, 10);
        assertEquals(1, claimed.size());
        assertEquals(2, claimed.get(0).recipients().size());
        assertEquals(RecipientState.RELEASING, state("m1", "a@x.jp"));
        assertTrue(queue.claimDue(T0.plusSeconds(300), message -> true, 10).isEmpty(), "claimed once only");

        assertTrue(queue.markSent("m1", "a@x.jp", "250 ok"));
        assertFalse(queue.markSent("m1", "a@x.jp", "250 ok"), "a second report changes nothing");
        assertTrue(queue.markFailed("m1", "b@y.jp", "550 no such user"));
        assertTrue(queue.find("m1").orElseThrow().finished());
        assertEquals("550 no such user", queue.find("m1").orElseThrow().recipients().get(1).detail());
    }

    @Test
    void theSameMessageAcceptedTwiceIsKeptOnce() {
        queue.accept(message("m1", "a@x.jp", "a@x.jp"));
        queue.accept(message("m1", "a@x.jp"));
        assertEquals(1, queue.entries().size());
        assertEquals(1, queue.entries().get(0).recipients().size(), "duplicate RCPTs collapse");
    }

    @Test
    void sendNowAndCancelAreIdempotentAndCannotTouchWhatLeft() {
        queue.accept(message("m1", "a@x.jp", "b@y.jp"));
        queue.hold("m1", T0.plusSeconds(3600));
        assertEquals(2, queue.sendNow("m1", T0));
        queue.claimDue(T0, message -> true, 10);
        queue.markSent("m1", "a@x.jp", "250");
        assertEquals(0, queue.cancel("m1"), "a RELEASING recipient cannot be cancelled any more");
        assertEquals(0, queue.sendNow("m1", T0), "nothing left to send now");
        assertEquals(RecipientState.SENT, state("m1", "a@x.jp"));

        queue.accept(message("m2", "c@z.jp"));
        queue.hold("m2", T0.plusSeconds(3600));
        assertEquals(1, queue.cancel("m2"));
        assertEquals(0, queue.cancel("m2"), "a double click cancels nothing more");
        assertTrue(queue.claimDue(T0.plusSeconds(7200), message -> true, 10).isEmpty());
        assertEquals(RecipientState.CANCELLED, state("m2", "c@z.jp"));
    }

    @Test
    void aRestartPutsReleasingRecipientsBackAndKeepsEverything() {
        queue.accept(message("m1", "a@x.jp"));
        queue.hold("m1", T0);
        queue.claimDue(T0, message -> true, 10);
        queue.close();

        queue = QueueStore.open(folder.resolve("queue.db"));
        assertEquals(RecipientState.RELEASING, state("m1", "a@x.jp"));
        assertEquals(1, queue.recover(T0.plusSeconds(5)));
        assertEquals(RecipientState.HELD, state("m1", "a@x.jp"));
        List<QueueEntry> again = queue.claimDue(T0.plusSeconds(5), message -> true, 10);
        assertEquals(2, again.get(0).recipients().get(0).attempts(), "the interrupted attempt counts");
    }

    @Test
    void deferralsWaitAndWaitingForAPasswordCostsNoAttempt() {
        queue.accept(message("m1", "a@x.jp"));
        queue.hold("m1", T0);
        queue.claimDue(T0, message -> true, 10);
        queue.markDeferred("m1", "a@x.jp", "451 try later", T0.plusSeconds(60));
        assertEquals(Optional.of(T0.plusSeconds(60)), queue.nextDue());
        assertTrue(queue.claimDue(T0.plusSeconds(59), message -> true, 10).isEmpty());

        queue.claimDue(T0.plusSeconds(60), message -> true, 10);
        queue.markWaiting("m1", "a@x.jp", "password needed", T0.plusSeconds(60));
        RecipientStatus status = queue.find("m1").orElseThrow().recipients().get(0);
        assertEquals(1, status.attempts());
        assertEquals("password needed", status.detail());
    }

    @Test
    void onlyReleasableMessagesAreClaimed() {
        queue.accept(new QueuedMessage("m1", T0, "me@example.jp", List.of("a@x.jp"), Optional.of("me"), false, false, 1,
                false));
        queue.hold("m1", T0);
        assertTrue(queue.claimDue(T0, message -> false, 10).isEmpty());
        assertEquals(RecipientState.HELD, state("m1", "a@x.jp"));
        assertEquals(1, queue.claimDue(T0, message -> message.owner().equals(Optional.of("me")), 10).size());
    }

    @Test
    void mailThatWakesUpADayLateWaitsForTheUser() {
        queue.accept(message("m1", "a@x.jp"));
        queue.hold("m1", T0);
        assertEquals(0, queue.markOverdue(T0.plus(Duration.ofHours(23)), Duration.ofDays(1)));
        assertEquals(1, queue.markOverdue(T0.plus(Duration.ofHours(25)), Duration.ofDays(1)));
        assertTrue(queue.claimDue(T0.plus(Duration.ofHours(25)), message -> true, 10).isEmpty());
        assertEquals(RecipientState.OVERDUE, state("m1", "a@x.jp"));
        assertEquals(1, queue.sendNow("m1", T0.plus(Duration.ofHours(26))));
        assertEquals(1, queue.claimDue(T0.plus(Duration.ofHours(26)), message -> true, 10).size());
    }

    @Test
    void forgettingRemovesTheMessageAndItsRecipients() {
        queue.accept(message("m1", "a@x.jp"));
        queue.forget("m1");
        assertTrue(queue.find("m1").isEmpty());
        assertTrue(queue.entries().isEmpty());
    }

    @Test
    void aPlanHoldsAwaitsAndRefusesRecipientsOnceAndIsKept() {
        queue.accept(message("m1", "in@office.jp", "out@x.jp", "typo@y.jp", "bad@z.jp"));
        int moved = queue.applyPlan("m1", "{plan}", Map.of("in@office.jp", T0, "out@x.jp", T0.plusSeconds(600)),
                List.of("typo@y.jp"), Map.of("bad@z.jp", "the policy refuses plaintext routes"), Map.of());
        assertEquals(4, moved);
        assertEquals(0, queue.applyPlan("m1", "{plan}", Map.of("in@office.jp", T0), List.of(), Map.of(), Map.of()),
                "a repeat moves nothing");
        assertEquals(Optional.of("{plan}"), queue.plan("m1"));
        assertEquals(RecipientState.AWAITING, state("m1", "typo@y.jp"));
        assertEquals(RecipientState.FAILED, state("m1", "bad@z.jp"));
        assertEquals(List.of("in@office.jp"), queue.claimDue(T0, message -> true, 10).get(0).recipients().stream()
                .map(RecipientStatus::address).toList(), "staged: the internal one at once, the external later");

        assertEquals(1, queue.sendNow("m1", T0.plusSeconds(1)), "send-now moves the held one only");
        assertEquals(RecipientState.AWAITING, state("m1", "typo@y.jp"), "an awaited decision is not skipped by send-now");

        assertEquals(1, queue.replan("m1", "{changed}", Map.of("typo@y.jp", T0.plusSeconds(2)), List.of()));
        assertEquals(RecipientState.HELD, state("m1", "typo@y.jp"));
        assertEquals(Optional.of("{changed}"), queue.plan("m1"));
    }

    @Test
    void awaitingRecipientsCanBeCancelledOrDroppedBySender() {
        queue.accept(message("m1", "a@x.jp", "b@y.jp"));
        queue.applyPlan("m1", "{}", Map.of(), List.of("a@x.jp", "b@y.jp"), Map.of(), Map.of());
        assertEquals(1, queue.replan("m1", "{}", Map.of(), List.of("a@x.jp")));
        assertEquals(RecipientState.CANCELLED, state("m1", "a@x.jp"));
        assertEquals(1, queue.cancel("m1"));
        assertTrue(queue.find("m1").orElseThrow().finished());
    }
}
