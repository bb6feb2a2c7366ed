package dev.hikyaku.gateway.plan;

import dev.hikyaku.gateway.guard.GuardEffect;
import dev.hikyaku.gateway.guard.confirm.ConfirmItem;
import dev.hikyaku.gateway.guard.confirm.Confirmation;
import dev.hikyaku.gateway.guard.confirm.Confirmations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything decided for one message: the send plan of its groups, the guard rules that fired, the forced Bcc,
 * what the sender must confirm (and what was confirmed, by whom, when), and when each recipient may leave.
 *
 * @param sendPlan      the groups and their actions
 * @param hits          the guard rules that fired, in evaluation order
 * @param forceBcc      the forced Bcc, when it fired
 * @param toConfirm     the items the sender must tick before external mail leaves (empty: none)
 * @param confirmations the ticks given so far
 * @param dueAt         when each recipient may leave (hold and staged delivery)
 * @param smime         the signature and the readable forward
 */
public record MessagePlan(SendPlan sendPlan, List<RuleHit> hits, Optional<GuardEffect.ForceBcc> forceBcc,
                          List<ConfirmItem> toConfirm, List<Confirmation> confirmations, Map<String, Instant> dueAt,
                          SmimeHandling smime) {
    /** Unmodifiable copies. */
    public MessagePlan {
        hits = List.copyOf(hits);
        toConfirm = List.copyOf(toConfirm);
        confirmations = List.copyOf(confirmations);
        dueAt = Collections.unmodifiableMap(new LinkedHashMap<>(dueAt));
        Objects.requireNonNull(smime, "smime");
    }

    /** A plan that signs nothing and found no encrypted content. */
    public MessagePlan(SendPlan sendPlan, List<RuleHit> hits, Optional<GuardEffect.ForceBcc> forceBcc,
                       List<ConfirmItem> toConfirm, List<Confirmation> confirmations, Map<String, Instant> dueAt) {
        this(sendPlan, hits, forceBcc, toConfirm, confirmations, dueAt, SmimeHandling.none());
    }

    /** Whether every item the sender must tick is ticked. */
    public boolean confirmed() {
        return Confirmations.complete(toConfirm, confirmations);
    }

    /**
     * The recipients that wait for the sender: a group held for a decision, external mail not yet confirmed, or
     * every recipient when the message cannot be signed as it should.
     */
    public List<String> awaiting(Set<String> external) {
        List<String> waiting = new ArrayList<>();
        for (RecipientGroup group : sendPlan.groups()) {
            for (String recipient : group.recipients()) {
                boolean undecided = group.action() instanceof GroupAction.HoldForSender || smime.awaitsSender();
                boolean unconfirmed = !confirmed() && external.contains(recipient);
                if (undecided || unconfirmed) {
                    waiting.add(recipient);
                }
            }
        }
        return waiting;
    }

    /** The recipients whose group the policy (or the sender) refuses. */
    public List<String> refused() {
        return sendPlan.groups().stream().filter(group -> group.action() instanceof GroupAction.Refuse)
                .flatMap(group -> group.recipients().stream()).toList();
    }

    /** The plan with one more tick. */
    public MessagePlan with(Confirmation confirmation) {
        List<Confirmation> more = new ArrayList<>(confirmations);
        more.add(confirmation);
        return new MessagePlan(sendPlan, hits, forceBcc, toConfirm, more, dueAt, smime);
    }

    /** The plan with group {@code index} changed to {@code action} (refused when policy does not allow it). */
    public MessagePlan withAction(int index, GroupAction action) {
        return new MessagePlan(sendPlan.withAction(index, action), hits, forceBcc, toConfirm, confirmations, dueAt, smime);
    }

    /** The plan with other S/MIME handling (the sender chose to send unsigned). */
    public MessagePlan withSmime(SmimeHandling other) {
        return new MessagePlan(sendPlan, hits, forceBcc, toConfirm, confirmations, dueAt, other);
    }
}
