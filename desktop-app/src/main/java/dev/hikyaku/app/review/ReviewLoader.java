package dev.hikyaku.app.review;

import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.app.review.warnings.ArchiveHistory;
import dev.hikyaku.app.review.warnings.MessageFacts;
import dev.hikyaku.app.review.warnings.ThreadReferences;
import dev.hikyaku.app.review.warnings.Warning;
import dev.hikyaku.app.review.warnings.WarningCheck;
import dev.hikyaku.gateway.Gateway;
import dev.hikyaku.gateway.archive.ArchivedMessage;
import dev.hikyaku.gateway.plan.MessagePlan;
import dev.hikyaku.gateway.plan.MessagePlanJson;
import dev.hikyaku.gateway.plan.RecipientGroup;
import dev.hikyaku.gateway.queue.QueueEntry;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Loads what the review shows of one message: queue entry, plan, archive record, verdict reports, warnings. */
final class ReviewLoader {
    private ReviewLoader() {
    }

    /** One load; the warnings are looked for only when {@code withWarnings} and the plan and record are there. */
    static ReviewSnapshot load(Gateway gateway, ReportLookup lookup, String messageId, boolean withWarnings)
            throws IOException {
        Optional<QueueEntry> entry = gateway.queue().stream()
                .filter(queued -> queued.message().id().equals(messageId)).findFirst();
        Optional<ArchivedMessage> archived = gateway.archive().find(messageId);
        Optional<MessagePlan> plan = gateway.plan(messageId).or(() -> archived.flatMap(ArchivedMessage::plan)
                .flatMap(ReviewLoader::storedPlan));
        Map<String, DomainReport> reports = new LinkedHashMap<>();
        plan.ifPresent(found -> found.sendPlan().groups().stream().map(RecipientGroup::domain).distinct()
                .forEach(domain -> lookup.report(domain).ifPresent(report -> reports.put(domain, report))));
        Optional<List<Warning>> warnings = Optional.empty();
        if (withWarnings && plan.isPresent() && archived.isPresent()) {
            warnings = Optional.of(warnings(gateway, plan.get(), archived.get()));
        }
        return new ReviewSnapshot(entry, plan, archived, reports, warnings);
    }

    private static List<Warning> warnings(Gateway gateway, MessagePlan plan, ArchivedMessage archived)
            throws IOException {
        List<MessageFacts.Domain> domains = plan.sendPlan().groups().stream()
                .map(group -> new MessageFacts.Domain(group.domain(), group.internal(), group.level())).toList();
        MessageFacts facts = new MessageFacts(archived.id(), archived.summary().subject(), domains,
                archived.summary().recipients(), references(gateway, archived.id()));
        return new WarningCheck(new ArchiveHistory(gateway.archive())).check(facts);
    }

    /** The ids the message replies to, from the header of its original (the summary does not keep them). */
    private static List<String> references(Gateway gateway, String messageId) throws IOException {
        ThreadReferences.HeaderCapture capture = new ThreadReferences.HeaderCapture();
        try {
            gateway.archive().exportEml(messageId, capture);
        } catch (ThreadReferences.HeaderComplete enough) {
            // The header is in: the body is not needed.
        }
        return ThreadReferences.of(capture.header());
    }

    private static Optional<MessagePlan> storedPlan(String json) {
        try {
            return Optional.of(MessagePlanJson.read(json));
        } catch (IllegalArgumentException e) {
            // A plan stored by another version: the review shows the message without its groups.
            return Optional.empty();
        }
    }
}
