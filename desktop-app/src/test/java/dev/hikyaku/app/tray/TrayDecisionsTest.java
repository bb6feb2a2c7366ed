package dev.hikyaku.app.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.gateway.GatewayPlan;
import dev.hikyaku.app.gateway.GatewayState;
import dev.hikyaku.app.gateway.SubmissionAddress;
import dev.hikyaku.app.i18n.BundleChecks;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.Localized;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.queue.QueueEntry;
import dev.hikyaku.gateway.queue.QueuedMessage;
import dev.hikyaku.gateway.queue.RecipientState;
import dev.hikyaku.gateway.queue.RecipientStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrayDecisionsTest {
    private static final Instant NOON = Instant.parse("2026-11-23T03:00:00Z");
    private final TrayDecisions decisions = new TrayDecisions(ZoneId.of("Asia/Tokyo"));

    private static RecipientStatus recipient(RecipientState state) {
        return new RecipientStatus("hanako@example.com", state, NOON, 0, "");
    }

    private static QueueEntry entry(RecipientState... states) {
        return new QueueEntry(message(), Arrays.stream(states).map(TrayDecisionsTest::recipient).toList());
    }

    private static QueuedMessage message() {
        return new QueuedMessage("m1", NOON, "taro@example.jp", List.of("hanako@example.com"), Optional.empty(), false,
                false, 100, false);
    }

    @Test
    void heldMailCountsMessagesWithARecipientHeldWaitingOrOverdue() {
        List<QueueEntry> queue = List.of(
                entry(RecipientState.HELD, RecipientState.SENT),
                entry(RecipientState.AWAITING),
                entry(RecipientState.OVERDUE, RecipientState.HELD),
                entry(RecipientState.RELEASING),
                entry(RecipientState.SENT, RecipientState.FAILED),
                entry(RecipientState.ACCEPTED));
        assertEquals(3, TrayDecisions.heldCount(queue));
        assertEquals(0, TrayDecisions.heldCount(List.of()));
    }

    @Test
    void aHeldMessageIsAnnouncedOnceUntilItIsFinished() {
        Notice first = decisions.notice(new GatewayEvent.Held("m1", NOON)).orElseThrow();
        assertEquals(Notice.Severity.INFO, first.severity());
        assertEquals(TrayText.HELD_BODY, first.body());
        assertEquals("2026/11/23 12:00", ((Localized) first.arguments().get(0)).in(Locale.JAPANESE));
        assertTrue(decisions.notice(new GatewayEvent.Held("m1", NOON.plusSeconds(60))).isEmpty(), "a retry is no news");
        assertTrue(decisions.notice(new GatewayEvent.Held("m2", NOON)).isPresent());
        assertTrue(decisions.notice(new GatewayEvent.Finished("m1")).isEmpty());
        assertTrue(decisions.notice(new GatewayEvent.Held("m1", NOON)).isPresent(), "a new id after finishing");
    }

    @Test
    void mailWaitingForTheSenderAndOverdueMailWarnOncePerMessage() {
        Notice awaiting = decisions.notice(new GatewayEvent.AwaitingSender("m1", List.of("a@x.jp", "b@x.jp")))
                .orElseThrow();
        assertEquals(Notice.Severity.WARNING, awaiting.severity());
        assertEquals(List.of(2), awaiting.arguments());
        assertTrue(decisions.notice(new GatewayEvent.AwaitingSender("m1", List.of("a@x.jp"))).isEmpty());
        assertTrue(decisions.notice(new GatewayEvent.Overdue("m1", NOON)).isPresent(), "overdue is other news");
        assertTrue(decisions.notice(new GatewayEvent.Overdue("m1", NOON)).isEmpty());
        assertTrue(decisions.notice(new GatewayEvent.Cancelled("m1", 2)).isEmpty());
        assertTrue(decisions.notice(new GatewayEvent.Overdue("m1", NOON)).isPresent());
    }

    @Test
    void failuresRefusalsAndProblemsAlwaysSpeak() {
        Notice failed = decisions.notice(new GatewayEvent.Failed("m1", List.of("a@x.jp"), "550 no such user"))
                .orElseThrow();
        assertEquals(Notice.Severity.ERROR, failed.severity());
        assertEquals(List.of(1, "550 no such user"), failed.arguments());
        assertTrue(decisions.notice(new GatewayEvent.Failed("m1", List.of("b@x.jp"), "550")).isPresent());
        assertEquals(List.of("refuse.time, refuse.size"), decisions.notice(
                new GatewayEvent.Refused("m2", List.of("refuse.time", "refuse.size"))).orElseThrow().arguments());
        assertEquals(Notice.Severity.ERROR,
                decisions.notice(new GatewayEvent.Problem("keychain", "no Secret Service")).orElseThrow().severity());
    }

    @Test
    void aPasswordIsAskedForOnceUntilMailLeavesAgain() {
        assertTrue(decisions.notice(new GatewayEvent.WaitingForCredentials("taro")).isPresent());
        assertTrue(decisions.notice(new GatewayEvent.WaitingForCredentials("taro")).isEmpty());
        assertTrue(decisions.notice(new GatewayEvent.Delivered("m1", List.of("a@x.jp"), false)).isEmpty());
        assertTrue(decisions.notice(new GatewayEvent.WaitingForCredentials("taro")).isPresent());
    }

    @Test
    void routineEventsAreSilentButSomeChangeTheCount() {
        GatewayEvent accepted = new GatewayEvent.Accepted("m1", "taro@x.jp", 1, 100);
        assertTrue(decisions.notice(accepted).isEmpty());
        assertFalse(TrayDecisions.changesCount(accepted));
        assertTrue(TrayDecisions.changesCount(new GatewayEvent.Held("m1", NOON)));
        assertTrue(TrayDecisions.changesCount(new GatewayEvent.Finished("m1")));
    }

    @Test
    void theStatusLineFollowsTheGatewayState() throws Exception {
        GatewayPlan plan = new GatewayPlan(new SubmissionAddress(
                new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 10587)), Optional.empty(), Path.of("out"));
        assertEquals(TrayText.STATUS_STARTING, TrayDecisions.status(new GatewayState.Starting(plan)));
        assertEquals(TrayText.STATUS_RUNNING, TrayDecisions.status(new GatewayState.Running(plan, "AB")));
        assertEquals(TrayText.STATUS_PAUSED, TrayDecisions.status(new GatewayState.Paused(plan)));
        assertTrue(TrayDecisions.paused(new GatewayState.Paused(plan)));
        assertEquals(TrayText.STATUS_ELSEWHERE, TrayDecisions.status(new GatewayState.AlreadyRunning(plan)));
        assertEquals(TrayText.STATUS_PROBLEM, TrayDecisions.status(new GatewayState.CannotStart(plan, "busy")));
        LiveText text = new LiveText(UiLanguage.ENGLISH);
        assertEquals("Hikyaku: running on 127.0.0.1:10587; 2 messages held", text.now(TrayText.TOOLTIP,
                text.now(TrayText.STATUS_RUNNING, "127.0.0.1:10587"), 2));
        text.languageProperty().set(UiLanguage.JAPANESE);
        assertEquals("保留中のメール: 1 通", text.now(TrayText.HELD_COUNT, 1));
    }

    @Test
    void theTrayBundleIsComplete() throws IOException {
        BundleChecks.assertComplete(TrayText.class);
    }
}
