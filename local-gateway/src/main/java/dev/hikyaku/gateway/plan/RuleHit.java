package dev.hikyaku.gateway.plan;

import dev.hikyaku.gateway.guard.GuardRule;
import dev.hikyaku.gateway.guard.Reason;

/** A guard rule that fired for a message and why, as the plan keeps it for the app and the archive. */
public record RuleHit(GuardRule rule, Reason reason) {
}
