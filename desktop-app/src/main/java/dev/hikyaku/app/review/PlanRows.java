package dev.hikyaku.app.review;

import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.gateway.guard.confirm.Confirmation;
import dev.hikyaku.gateway.mime.MailAddress;
import dev.hikyaku.gateway.mime.MessageSummary;
import dev.hikyaku.gateway.plan.MessagePlan;
import dev.hikyaku.gateway.plan.RecipientGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The review's group and tick-box rows, kept in step with the plan: rows whose group did not change stay (with
 * their controls and the keyboard focus), only their action and ticks follow the plan.
 */
final class PlanRows {
    private final LiveText text;
    private final ObservableList<GroupRow> groups = FXCollections.observableArrayList();
    private final ObservableList<ConfirmRow> confirmations = FXCollections.observableArrayList();
    private boolean namesShown;

    PlanRows(LiveText text) {
        this.text = text;
    }

    /** Shows {@code plan}, its domains' {@code reports}, the recipients' display names from {@code summary}. */
    void show(MessagePlan plan, Map<String, DomainReport> reports, Optional<MessageSummary> summary) {
        List<RecipientGroup> planned = plan.sendPlan().groups();
        boolean same = planned.size() == groups.size() && (namesShown || summary.isEmpty());
        for (int i = 0; same && i < planned.size(); i++) {
            same = groups.get(i).sameGroup(i, planned.get(i), report(reports, planned.get(i)));
        }
        if (same) {
            for (int i = 0; i < planned.size(); i++) {
                groups.get(i).actionProperty().set(planned.get(i).action());
            }
        } else {
            List<GroupRow> rows = new ArrayList<>();
            for (int i = 0; i < planned.size(); i++) {
                RecipientGroup group = planned.get(i);
                List<String> shown = group.recipients().stream().map(address -> shown(address, summary)).toList();
                rows.add(new GroupRow(i, group, report(reports, group), shown, text));
            }
            groups.setAll(rows);
            namesShown = summary.isPresent();
        }
        if (confirmations.size() != plan.toConfirm().size()) {
            confirmations.setAll(plan.toConfirm().stream().map(item -> new ConfirmRow(item, text)).toList());
        }
        for (ConfirmRow row : confirmations) {
            Optional<Confirmation> given = plan.confirmations().stream()
                    .filter(confirmation -> confirmation.item().equals(row.item())).findFirst();
            row.tickedProperty().set(given.isPresent());
            row.confirmedByProperty().set(given.map(confirmation -> text.now(ReviewKey.CONFIRM_DONE,
                    confirmation.confirmedBy())).orElse(""));
        }
    }

    /** Whether the sender may change actions now: only while the message waits, and only where there is a choice. */
    void changeable(boolean waiting) {
        groups.forEach(row -> row.changeableProperty().set(waiting && row.choices().size() > 1));
    }

    ObservableList<GroupRow> groups() {
        return groups;
    }

    ObservableList<ConfirmRow> confirmations() {
        return confirmations;
    }

    /** A mailbox as a person reads it: {@code Hanako <hanako@example.jp>}, or the bare address. */
    static String shown(MailAddress mailbox) {
        return mailbox.displayName().isBlank() ? mailbox.address() : mailbox.displayName() + " <" + mailbox.address() + ">";
    }

    private static Optional<DomainReport> report(Map<String, DomainReport> reports, RecipientGroup group) {
        return Optional.ofNullable(reports.get(group.domain()));
    }

    private static String shown(String address, Optional<MessageSummary> summary) {
        return summary.flatMap(found -> found.recipients().stream()
                        .filter(mailbox -> mailbox.address().equalsIgnoreCase(address) && !mailbox.displayName().isBlank())
                        .findFirst())
                .map(PlanRows::shown).orElse(address);
    }
}
