package dev.hikyaku.gateway.guard;

import static dev.hikyaku.gateway.guard.Guards.TOKYO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.gateway.guard.GuardEffect.Hold;
import dev.hikyaku.gateway.guard.GuardEffect.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HoldAndStageTest {
    private static final String CLIENT = "client@customer.example";
    private static final String PARTNER = "p@partner.example.com";
    private static final String COLLEAGUE = "hanako@example.co.jp";
    private static final Mail MIXED = Mail.message().to(CLIENT).cc(PARTNER).bcc(COLLEAGUE);

    private SteppedClock clock;

    @BeforeEach
    void startTheClock() {
        clock = new SteppedClock(Guards.WEDNESDAY_MORNING, TOKYO);
    }

    private GuardReport evaluate(Mail mail, String... lines) {
        return GuardEvaluator.evaluate(Guards.configured(lines), mail.input(), clock.instant());
    }

    @Test
    void aHeldMessageLeavesWhenItsTimeComes() {
        Instant received = clock.instant();
        GuardReport report = evaluate(MIXED, "guard.hold = yes");
        assertEquals(Optional.of(new Hold(received.plus(Duration.ofMinutes(5)), GuardScope.ALL)), report.hold());
        ReleaseSchedule schedule = report.schedule();
        assertEquals(List.of(), schedule.dueBy(clock.instant()));
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertEquals(List.of(), schedule.dueBy(clock.instant()));
        assertEquals(Optional.of(received.plus(Duration.ofMinutes(5))), schedule.nextAfter(clock.instant()));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(CLIENT, PARTNER, COLLEAGUE), schedule.dueBy(clock.instant()));
        assertEquals(Optional.empty(), schedule.nextAfter(clock.instant()));
        assertEquals("2024-06-12 10:05 まで保留します。それまでは、すぐに送信することも取り消すこともできます。",
                report.fired().get(0).reason().render(Locale.JAPANESE));
    }

    @Test
    void sendNowReleasesEverythingAtOnce() {
        ReleaseSchedule schedule = evaluate(MIXED, "guard.hold = yes", "guard.hold.delay = 30m").schedule();
        clock.advance(Duration.ofMinutes(1));
        ReleaseSchedule now = schedule.sendNow(clock.instant());
        assertEquals(List.of(CLIENT, PARTNER, COLLEAGUE), now.dueBy(clock.instant()));
        assertEquals(List.of(), now.waitingAt(clock.instant()));
    }

    @Test
    void cancelStopsWhatStillWaits() {
        ReleaseSchedule schedule = evaluate(MIXED, "guard.hold = yes").schedule();
        clock.advance(Duration.ofMinutes(2));
        ReleaseSchedule cancelled = schedule.cancelWaiting(clock.instant());
        assertEquals(List.of(CLIENT, PARTNER, COLLEAGUE), List.copyOf(cancelled.cancelled()));
        clock.advance(Duration.ofHours(1));
        assertEquals(List.of(), cancelled.dueBy(clock.instant()));
        assertEquals(Optional.empty(), cancelled.nextAfter(clock.instant()));
    }

    @Test
    void anExternalHoldKeepsBackOnlyRecipientsOutsideTheCompany() {
        Instant received = clock.instant();
        GuardReport report = evaluate(MIXED, "guard.hold = yes", "guard.hold.scope = external", "guard.hold.delay = 2m");
        assertEquals(GuardScope.EXTERNAL, report.hold().orElseThrow().scope());
        assertEquals(List.of(COLLEAGUE), report.schedule().dueBy(received));
        clock.advance(Duration.ofMinutes(2));
        assertEquals(List.of(CLIENT, PARTNER, COLLEAGUE), report.schedule().dueBy(clock.instant()));
        assertEquals(Optional.empty(), evaluate(Mail.message().to(COLLEAGUE), "guard.hold = yes",
                "guard.hold.scope = external").hold());
    }

    @Test
    void stagedDeliverySendsInternalAndPartnersFirstAndExternalLater() {
        Instant received = clock.instant();
        GuardReport report = evaluate(MIXED, "guard.stage = yes", "guard.stage.delay = 10m");
        Stage stage = report.stage().orElseThrow();
        assertEquals(List.of(PARTNER, COLLEAGUE), stage.immediate());
        assertEquals(List.of(CLIENT), stage.later());
        assertEquals(received.plus(Duration.ofMinutes(10)), stage.externalAt());
        ReleaseSchedule schedule = report.schedule();
        assertEquals(List.of(PARTNER, COLLEAGUE), schedule.dueBy(clock.instant()));
        clock.advance(Duration.ofMinutes(9));
        // The colleague noticed a mistake: cancel what has not gone yet.
        ReleaseSchedule cancelled = schedule.cancelWaiting(clock.instant());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(List.of(PARTNER, COLLEAGUE), cancelled.dueBy(clock.instant()));
        assertEquals(List.of(CLIENT), List.copyOf(cancelled.cancelled()));
        assertEquals(List.of(CLIENT, PARTNER, COLLEAGUE), schedule.dueBy(clock.instant()));
    }

    @Test
    void stagingNeedsBothParts() {
        assertEquals(Optional.empty(), evaluate(Mail.message().to(CLIENT), "guard.stage = yes").stage());
        assertEquals(Optional.empty(), evaluate(Mail.message().to(COLLEAGUE, PARTNER), "guard.stage = yes").stage());
    }

    @Test
    void withAHoldTheExternalPartLeavesTheStageDelayAfterTheInternalPart() {
        Instant received = clock.instant();
        GuardReport all = evaluate(MIXED, "guard.hold = yes", "guard.stage = yes", "guard.stage.delay = 10m");
        assertEquals(List.of("hold", "stage"), Guards.fired(all));
        assertEquals(received.plus(Duration.ofMinutes(5)), all.schedule().dueAt().get(COLLEAGUE));
        assertEquals(received.plus(Duration.ofMinutes(15)), all.schedule().dueAt().get(CLIENT));

        GuardReport external = evaluate(MIXED, "guard.hold = yes", "guard.hold.scope = external",
                "guard.hold.delay = 20m", "guard.stage = yes", "guard.stage.delay = 10m");
        assertEquals(received, external.schedule().dueAt().get(COLLEAGUE));
        assertEquals(received.plus(Duration.ofMinutes(20)), external.schedule().dueAt().get(PARTNER));
        assertEquals(received.plus(Duration.ofMinutes(20)), external.schedule().dueAt().get(CLIENT));
        assertTrue(external.fired().get(1).reason().render(Locale.ENGLISH)
                .contains("the 1 external recipients at 2024-06-12 10:20"));
    }

    @Test
    void theOlderDeliveryHoldIsTheHoldRuleForEveryMessage() {
        GuardReport report = evaluate(Mail.message().to(COLLEAGUE), "delivery.hold = 3m");
        assertEquals(Optional.of(new Hold(clock.instant().plus(Duration.ofMinutes(3)), GuardScope.ALL)), report.hold());
    }

    @Test
    void withoutTimingRulesEveryoneIsDueAtOnce() {
        GuardReport report = evaluate(MIXED);
        assertEquals(List.of(CLIENT, PARTNER, COLLEAGUE), report.schedule().dueBy(clock.instant()));
    }
}
