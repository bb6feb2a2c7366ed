package dev.hikyaku.gateway.guard;

import dev.hikyaku.gateway.guard.GuardEffect.Hold;
import dev.hikyaku.gateway.guard.GuardEffect.Stage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hold and staged delivery, and the release time of each recipient that follows from them. The external part
 * of a staged message leaves the stage delay after the internal part, and never before its own hold ends.
 */
final class ReleaseTiming {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Map<String, Reach> reach;
    private final Instant now;
    private final ZoneId zone;
    private Optional<Hold> hold = Optional.empty();
    private Optional<Stage> stage = Optional.empty();

    private ReleaseTiming(Map<String, Reach> reach, Instant now, ZoneId zone) {
        this.reach = reach;
        this.now = now;
        this.zone = zone;
    }

    /** The hold and staging firings (in that order) and the schedule, for a message received at {@code now}. */
    static ReleaseTiming decide(HoldRule holdRule, StageRule stageRule, Map<String, Reach> reach, Instant now,
                                ZoneId zone) {
        ReleaseTiming timing = new ReleaseTiming(reach, now, zone);
        timing.hold(holdRule);
        timing.stage(stageRule);
        return timing;
    }

    /** The firings, hold first. */
    List<FiredRule> fired() {
        List<FiredRule> fired = new ArrayList<>();
        hold.ifPresent(h -> fired.add(new FiredRule(GuardRule.HOLD,
                Reason.of(h.scope() == GuardScope.ALL ? "guard.hold.all" : "guard.hold.external", shown(h.until())), h)));
        stage.ifPresent(s -> fired.add(new FiredRule(GuardRule.STAGE,
                Reason.of("guard.stage", s.immediate().size(), s.later().size(), shown(s.externalAt())), s)));
        return fired;
    }

    /** Each recipient's release time. */
    ReleaseSchedule schedule() {
        Map<String, Instant> due = new LinkedHashMap<>();
        reach.forEach((recipient, where) -> {
            Instant at = now;
            if (hold.isPresent() && appliesTo(hold.get().scope(), where)) {
                at = hold.get().until();
            }
            if (stage.isPresent() && where == Reach.EXTERNAL) {
                at = stage.get().externalAt();
            }
            due.put(recipient, at);
        });
        return new ReleaseSchedule(due, Set.of());
    }

    private void hold(HoldRule rule) {
        if (rule.on() && (rule.scope() == GuardScope.ALL || reach.values().stream().anyMatch(Reach::outside))) {
            hold = Optional.of(new Hold(now.plus(rule.delay()), rule.scope()));
        }
    }

    private void stage(StageRule rule) {
        List<String> immediate = reach.entrySet().stream().filter(entry -> entry.getValue() != Reach.EXTERNAL)
                .map(Map.Entry::getKey).toList();
        List<String> later = reach.entrySet().stream().filter(entry -> entry.getValue() == Reach.EXTERNAL)
                .map(Map.Entry::getKey).toList();
        if (!rule.on() || immediate.isEmpty() || later.isEmpty()) {
            return;
        }
        Instant internalAt = hold.filter(h -> h.scope() == GuardScope.ALL).map(Hold::until).orElse(now);
        Instant externalAt = internalAt.plus(rule.delay());
        if (hold.isPresent() && hold.get().until().isAfter(externalAt)) {
            externalAt = hold.get().until();
        }
        stage = Optional.of(new Stage(rule.delay(), externalAt, immediate, later));
    }

    private static boolean appliesTo(GuardScope scope, Reach where) {
        return scope == GuardScope.ALL || where.outside();
    }

    private String shown(Instant instant) {
        return SHOWN.format(instant.atZone(zone));
    }
}
