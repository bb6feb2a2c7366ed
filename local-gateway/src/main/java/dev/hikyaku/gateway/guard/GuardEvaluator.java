package dev.hikyaku.gateway.guard;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides what the mis-send guards do with one message. A pure function of its arguments: the same settings,
 * message and time give the same report. The order is fixed ({@link GuardRule}): the refusal rules (all of
 * them, so the sender learns every problem at once); if any hit, nothing else is evaluated; otherwise forced
 * Bcc, confirmation, hold and staged delivery.
 */
public final class GuardEvaluator {

    private GuardEvaluator() {
    }

    /**
     * The report for {@code input}, received at {@code now}.
     *
     * @param settings the guards as configured (their time zone places {@code now} in the day)
     * @param input    the analysed message and its envelope
     * @param now      when the message was received: refusal hours are checked and hold times counted from it
     */
    public static GuardReport evaluate(GuardSettings settings, GuardInput input, Instant now) {
        Map<String, Reach> reach = new LinkedHashMap<>();
        input.envelopeRecipients().forEach(recipient -> reach.put(recipient, settings.domains().reach(recipient)));
        LocalDateTime local = LocalDateTime.ofInstant(now, settings.zone());
        List<FiredRule> refusals = RefusalCheck.check(settings.refusals(), input, reach, local);
        if (!refusals.isEmpty()) {
            return new GuardReport(refusals, reach, ReleaseSchedule.none());
        }
        List<FiredRule> fired = new ArrayList<>();
        ForcedBccCheck.check(settings.forceBcc(), settings.domains(), input.summary()).ifPresent(fired::add);
        ConfirmationCheck.check(settings.confirm(), reach, input.summary()).ifPresent(fired::add);
        ReleaseTiming timing = ReleaseTiming.decide(settings.hold(), settings.stage(), reach, now, settings.zone());
        fired.addAll(timing.fired());
        return new GuardReport(fired, reach, timing.schedule());
    }
}
