package dev.hikyaku.app.archive;

import dev.hikyaku.advisor.route.RecipientDomain;
import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.gateway.archive.ArchivedMessage;
import dev.hikyaku.gateway.archive.DeliveryRecord;
import dev.hikyaku.gateway.archive.RecipientStatus;
import dev.hikyaku.gateway.archive.VariantRecord;
import dev.hikyaku.gateway.archive.VerdictRecord;
import dev.hikyaku.gateway.guard.Reason;
import dev.hikyaku.gateway.plan.ActionName;
import dev.hikyaku.gateway.plan.MessagePlan;
import dev.hikyaku.gateway.plan.MessagePlanJson;
import dev.hikyaku.gateway.plan.RecipientGroup;
import dev.hikyaku.gateway.plan.RuleHit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An archived message arranged for its view: per recipient what was sent how, and the rules that fired.
 *
 * @param message    everything the archive holds about it
 * @param recipients per recipient, envelope order first
 * @param rules      why guard rules fired, as the plan recorded them
 */
public record MessageDetails(ArchivedMessage message, List<RecipientRoute> recipients, List<Reason> rules) {
    /** Copies the lists. */
    public MessageDetails {
        recipients = List.copyOf(recipients);
        rules = List.copyOf(rules);
    }

    /** The details of {@code message}; a plan that cannot be read is left out rather than failing the view. */
    public static MessageDetails of(ArchivedMessage message) {
        Optional<MessagePlan> plan = plan(message);
        List<RecipientRoute> routes = message.recipients().stream()
                .map(status -> route(message, status, plan)).toList();
        List<Reason> rules = plan.map(p -> p.hits().stream().map(RuleHit::reason).toList()).orElse(List.of());
        return new MessageDetails(message, routes, rules);
    }

    private static RecipientRoute route(ArchivedMessage message, RecipientStatus status, Optional<MessagePlan> plan) {
        String recipient = status.recipient();
        String domain = domainOf(recipient);
        Optional<VerdictRecord> verdict = message.verdicts().stream()
                .filter(record -> record.domain().equals(domain)).findFirst();
        Optional<RecipientGroup> group = plan.flatMap(p -> p.sendPlan().groups().stream()
                .filter(g -> g.recipients().stream().anyMatch(r -> r.equalsIgnoreCase(recipient))).findFirst());
        Optional<Level> level = verdict.map(record -> level(record.level())).or(() -> group.map(RecipientGroup::level));
        List<String> copies = message.variants().stream()
                .filter(variant -> variant.recipients().stream().anyMatch(r -> r.equalsIgnoreCase(recipient)))
                .map(VariantRecord::label).toList();
        List<DeliveryRecord> history = message.deliveries().stream()
                .filter(delivery -> delivery.recipient().equalsIgnoreCase(recipient)).toList();
        return new RecipientRoute(recipient, domain, level, verdict.map(VerdictRecord::reason).orElse(""), copies,
                group.map(g -> ActionName.of(g.action())), status, history);
    }

    /** The domain of an address as the verdicts are recorded under: lower-case A-labels. */
    static String domainOf(String address) {
        try {
            return RecipientDomain.parse(address).ascii();
        } catch (IllegalArgumentException e) {
            return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        }
    }

    /** A recorded level by name; one this version does not know counts as unknown. */
    static Level level(String name) {
        try {
            return Level.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Level.UNKNOWN;
        }
    }

    private static Optional<MessagePlan> plan(ArchivedMessage message) {
        try {
            return message.plan().map(MessagePlanJson::read);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
