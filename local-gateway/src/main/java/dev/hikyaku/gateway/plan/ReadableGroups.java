package dev.hikyaku.gateway.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule for a forward made readable with the user's keys: its content was end-to-end encrypted, so no group gets
 * it as-is or in a plain zip. A group is raised to S/MIME when every recipient has a certificate, else to an AES zip
 * (the agreed passphrase, else a fresh one); stronger actions (hold, refuse) stay. The sender may still choose only
 * among the protective actions.
 */
public final class ReadableGroups {
    private static final int AES_ZIP = new GroupAction.AesZip(GroupAction.Passphrase.AGREED_OR_FRESH).protection();

    private ReadableGroups() {
    }

    /** The plan with every group raised as the class comment says. */
    public static SendPlan raise(SendPlan plan) {
        List<RecipientGroup> raised = new ArrayList<>();
        for (RecipientGroup group : plan.groups()) {
            GroupAction action = group.action();
            if (action.protection() < AES_ZIP) {
                action = group.smimeReady() ? new GroupAction.SmimeEncrypt()
                        : new GroupAction.AesZip(GroupAction.Passphrase.AGREED_OR_FRESH);
            }
            List<GroupAction> choices = new ArrayList<>();
            choices.add(action);
            for (GroupAction choice : group.choices()) {
                boolean possible = !(choice instanceof GroupAction.SmimeEncrypt) || group.smimeReady();
                if (choice.protection() >= AES_ZIP && possible && !choices.contains(choice)) {
                    choices.add(choice);
                }
            }
            if (!choices.contains(new GroupAction.HoldForSender())) {
                choices.add(new GroupAction.HoldForSender());
            }
            raised.add(new RecipientGroup(group.internal(), group.domain(), group.level(), group.report(),
                    group.smimeReady(), group.recipients(), action, choices));
        }
        return new SendPlan(plan.messageId(), plan.builtAt(), raised);
    }
}
