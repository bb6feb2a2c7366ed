package dev.hikyaku.gateway.guard;

import java.util.Objects;

/**
 * One rule that fired for a message.
 *
 * @param rule   which rule
 * @param reason why, for the sender and the archive
 * @param effect what it asks for
 */
public record FiredRule(GuardRule rule, Reason reason, GuardEffect effect) {

    /** Validated. */
    public FiredRule {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(effect, "effect");
    }
}
