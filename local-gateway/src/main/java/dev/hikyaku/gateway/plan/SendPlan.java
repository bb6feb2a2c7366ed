package dev.hikyaku.gateway.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How one message may travel: its recipients in groups, each with an action. A value: the app shows it, the
 * sender may change it within policy, the packager executes it.
 *
 * @param messageId the queued message
 * @param builtAt   when the verdicts behind it were gathered
 * @param groups    the recipient groups, internal first, then by domain
 */
public record SendPlan(String messageId, Instant builtAt, List<RecipientGroup> groups) {
    /** Validated copy. */
    public SendPlan {
        groups = List.copyOf(groups);
    }

    /** The plan with group {@code index} changed to {@code action}; refused when policy does not allow it. */
    public SendPlan withAction(int index, GroupAction action) {
        List<RecipientGroup> changed = new ArrayList<>(groups);
        changed.set(index, groups.get(index).with(action));
        return new SendPlan(messageId, builtAt, changed);
    }

    /** The group that {@code recipient} belongs to. */
    public RecipientGroup groupOf(String recipient) {
        return groups.stream().filter(group -> group.recipients().contains(recipient)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a recipient of this plan"));
    }
}
