package dev.hikyaku.gateway.guard;

import dev.hikyaku.gateway.guard.GuardEffect.ForceBcc;
import dev.hikyaku.gateway.guard.GuardEffect.Hold;
import dev.hikyaku.gateway.guard.GuardEffect.RequireConfirmation;
import dev.hikyaku.gateway.guard.GuardEffect.Stage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the guards decided for one message: the rules that fired, in {@link GuardRule} order, where each
 * recipient is, and when each may leave.
 *
 * @param fired    the rules that fired, in evaluation order; only refusals when the message is refused
 * @param reach    each envelope recipient's place, in envelope order
 * @param schedule when each recipient may leave; empty when the message is refused
 */
public record GuardReport(List<FiredRule> fired, Map<String, Reach> reach, ReleaseSchedule schedule) {

    /** Validated: the firings are in evaluation order. */
    public GuardReport {
        fired = List.copyOf(fired);
        reach = Collections.unmodifiableMap(new LinkedHashMap<>(reach));
        Objects.requireNonNull(schedule, "schedule");
        for (int i = 1; i < fired.size(); i++) {
            if (fired.get(i).rule().compareTo(fired.get(i - 1).rule()) < 0) {
                throw new IllegalArgumentException("fired rules out of order: " + fired);
            }
        }
    }

    /** Whether the message goes back to its sender instead of out. */
    public boolean refused() {
        return !refusals().isEmpty();
    }

    /** The refusal rules that hit. */
    public List<FiredRule> refusals() {
        return fired.stream().filter(firing -> firing.rule().refuses()).toList();
    }

    /** The addresses to move to Bcc, if forced Bcc fired. */
    public Optional<ForceBcc> forceBcc() {
        return effect(ForceBcc.class);
    }

    /** The items to tick, if confirmation is required. */
    public Optional<RequireConfirmation> confirmation() {
        return effect(RequireConfirmation.class);
    }

    /** The hold, if the hold rule fired. */
    public Optional<Hold> hold() {
        return effect(Hold.class);
    }

    /** The staging, if staged delivery fired. */
    public Optional<Stage> stage() {
        return effect(Stage.class);
    }

    /** The ids of the rules that fired, in order (once each). */
    public List<String> ruleIds() {
        return fired.stream().map(firing -> firing.rule().id()).distinct().toList();
    }

    private <T extends GuardEffect> Optional<T> effect(Class<T> type) {
        return fired.stream().map(FiredRule::effect).filter(type::isInstance).map(type::cast).findFirst();
    }
}
