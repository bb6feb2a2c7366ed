package dev.hikyaku.gateway.guard;

import dev.hikyaku.gateway.guard.GuardEffect.RequireConfirmation;
import dev.hikyaku.gateway.guard.confirm.ConfirmItem;
import dev.hikyaku.gateway.mime.MessageSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Confirmation: mail with an external recipient waits until each external recipient and file is ticked. */
final class ConfirmationCheck {

    private ConfirmationCheck() {
    }

    /** The firing, if the rule is on, a recipient is external and there is something to tick. */
    static Optional<FiredRule> check(ConfirmRule rule, Map<String, Reach> reach, MessageSummary summary) {
        if (!rule.on() || reach.values().stream().noneMatch(Reach::outside)) {
            return Optional.empty();
        }
        List<ConfirmItem> items = new ArrayList<>();
        if (rule.recipients()) {
            reach.forEach((address, where) -> {
                if (where.outside()) {
                    items.add(new ConfirmItem.Recipient(address));
                }
            });
        }
        int recipients = items.size();
        if (rule.attachments()) {
            summary.attachments().stream().filter(attachment -> !attachment.inline())
                    .forEach(file -> items.add(new ConfirmItem.File(file.position(), file.fileName(), file.decodedSize())));
        }
        if (items.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FiredRule(GuardRule.CONFIRM,
                Reason.of("guard.confirm", recipients, items.size() - recipients), new RequireConfirmation(items)));
    }
}
