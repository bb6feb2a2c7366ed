package dev.hikyaku.gateway.guard;

import dev.hikyaku.gateway.guard.ForceBccRule.BccMode;
import dev.hikyaku.gateway.guard.RefusalRules.CountRule;
import dev.hikyaku.gateway.guard.RefusalRules.KeywordRule;
import dev.hikyaku.gateway.guard.RefusalRules.RecipientRule;
import dev.hikyaku.gateway.guard.RefusalRules.SenderMode;
import dev.hikyaku.gateway.guard.RefusalRules.SenderRule;
import dev.hikyaku.gateway.guard.RefusalRules.SizeRule;
import dev.hikyaku.gateway.guard.RefusalRules.TimeRule;
import dev.hikyaku.gateway.mime.KeywordMatcher;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * The mis-send guards as configured: which rules are on, with their parameters.
 *
 * @param domains   which recipients are internal, partners or external
 * @param zone      the time zone of the refusal hours and of the times shown in reasons
 * @param refusals  the rules that send a message back
 * @param forceBcc  moving many external To/Cc addresses to Bcc
 * @param confirm   ticking external recipients and attachments before sending
 * @param hold      keeping mail back for a while
 * @param stage     internal recipients first, external ones later
 */
public record GuardSettings(RecipientDomains domains, ZoneId zone, RefusalRules refusals, ForceBccRule forceBcc,
                            ConfirmRule confirm, HoldRule hold, StageRule stage) {

    /** Every part present. */
    public GuardSettings {
        Objects.requireNonNull(domains, "domains");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(refusals, "refusals");
        Objects.requireNonNull(forceBcc, "forceBcc");
        Objects.requireNonNull(confirm, "confirm");
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(stage, "stage");
    }

    /** What an empty configuration gives: every rule off, each parameter at its documented default. */
    public static GuardSettings defaults(ZoneId zone) {
        RefusalRules refusals = new RefusalRules(GuardScope.ALL,
                new TimeRule(false, List.of(new TimeWindow(LocalTime.of(22, 0), LocalTime.of(6, 0))),
                        EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)),
                new SenderRule(false, List.of(), SenderMode.LISTED), new RecipientRule(false, List.of()),
                new SizeRule(false, 10L * 1024 * 1024), new CountRule(false, 5),
                new KeywordRule(false, List.of(), EnumSet.allOf(KeywordMatcher.Place.class)), new CountRule(false, 5),
                new CountRule(false, 3));
        return new GuardSettings(new RecipientDomains(List.of(), List.of(), true), zone, refusals,
                new ForceBccRule(false, 10, BccMode.BCC_ONLY), new ConfirmRule(false, true, true),
                new HoldRule(false, Duration.ofMinutes(5), GuardScope.ALL), new StageRule(false, Duration.ofMinutes(5)));
    }
}
