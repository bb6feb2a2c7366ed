package dev.hikyaku.gateway.plan;

import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.advisor.verdict.Level;
import java.util.List;
import java.util.Optional;

/**
 * Recipients that travel the same way: same side of the organisation, same domain, same verdict, same S/MIME
 * readiness; they get one copy of the message and one envelope.
 *
 * @param internal   whether the domain is one of the organisation's own
 * @param domain     the recipients' domain (ASCII form)
 * @param level      the route's verdict level ({@link Level#UNKNOWN} when no verdict came)
 * @param report     the verdict with its evidence, when one came
 * @param smimeReady whether every recipient has a known, valid certificate
 * @param recipients the envelope addresses
 * @param action     what will be done
 * @param choices    what the sender may change the action to (the action included)
 */
public record RecipientGroup(boolean internal, String domain, Level level, Optional<DomainReport> report,
                             boolean smimeReady, List<String> recipients, GroupAction action,
                             List<GroupAction> choices) {
    /** Validated copy. */
    public RecipientGroup {
        recipients = List.copyOf(recipients);
        choices = List.copyOf(choices);
        if (!choices.contains(action)) {
            throw new IllegalArgumentException("the action must be one of the choices");
        }
    }

    /** The same group with {@code chosen} as its action, when policy allows it. */
    public RecipientGroup with(GroupAction chosen) {
        if (!choices.contains(chosen)) {
            throw new PlanChangeRefusedException(domain, chosen);
        }
        return new RecipientGroup(internal, domain, level, report, smimeReady, recipients, chosen, choices);
    }
}
