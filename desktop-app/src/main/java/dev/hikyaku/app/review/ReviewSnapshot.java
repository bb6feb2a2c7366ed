package dev.hikyaku.app.review;

import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.app.review.warnings.Warning;
import dev.hikyaku.gateway.archive.ArchivedMessage;
import dev.hikyaku.gateway.plan.MessagePlan;
import dev.hikyaku.gateway.queue.QueueEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one load of a message under review found.
 *
 * @param entry    the queue's entry, while the message is queued
 * @param plan     its plan: the queue's while queued, else the one the archive recorded
 * @param archived the archive's record (header, attachments), once the archive holds it
 * @param reports  the verdicts with evidence known for its groups' domains, by domain
 * @param warnings the signs of a mis-send, when they were looked for in this load
 */
record ReviewSnapshot(Optional<QueueEntry> entry, Optional<MessagePlan> plan, Optional<ArchivedMessage> archived,
                      Map<String, DomainReport> reports, Optional<List<Warning>> warnings) {
    ReviewSnapshot {
        reports = Map.copyOf(reports);
    }
}
