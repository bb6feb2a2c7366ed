package dev.hikyaku.gateway.plan;

/** The sender asked for an action the policy does not allow for that group (e.g. "as is" over a plaintext route). */
public final class PlanChangeRefusedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** A refused change of {@code domain}'s group to {@code action}. */
    public PlanChangeRefusedException(String domain, GroupAction action) {
        super("policy does not allow " + action + " for " + domain);
    }
}
