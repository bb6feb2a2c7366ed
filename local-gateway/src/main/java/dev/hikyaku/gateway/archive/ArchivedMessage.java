package dev.hikyaku.gateway.archive;

import dev.hikyaku.gateway.mime.MessageSummary;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the archive holds about one message.
 *
 * @param id                 the gateway's id of the message
 * @param receivedAt         when the gateway received it
 * @param archivedAt         when it was first recorded here
 * @param envelopeSender     the envelope sender ({@code ""} for the null sender)
 * @param envelopeRecipients the envelope recipients, in order
 * @param summary            the analysis of the original as recorded (header, text, attachments, problems)
 * @param verdicts           the latest TLS verdict per recipient domain, by domain
 * @param variants           the copies actually sent, by label
 * @param deliveries         every delivery event, oldest first
 * @param recipients         each recipient's latest status (as in {@link ArchiveEntry#recipients()})
 * @param plan               the delivery plan as recorded (opaque JSON), if any
 * @param cancelledAt        when the user cancelled it, if they did
 * @param state              where the message stands
 */
public record ArchivedMessage(String id, Instant receivedAt, Instant archivedAt, String envelopeSender,
                              List<String> envelopeRecipients, MessageSummary summary,
                              List<VerdictRecord> verdicts, List<VariantRecord> variants,
                              List<DeliveryRecord> deliveries, List<RecipientStatus> recipients,
                              Optional<String> plan, Optional<Instant> cancelledAt, MessageState state) {

    /** Validated message with unmodifiable lists. */
    public ArchivedMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(archivedAt, "archivedAt");
        Objects.requireNonNull(envelopeSender, "envelopeSender");
        envelopeRecipients = List.copyOf(envelopeRecipients);
        Objects.requireNonNull(summary, "summary");
        verdicts = List.copyOf(verdicts);
        variants = List.copyOf(variants);
        deliveries = List.copyOf(deliveries);
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
        Objects.requireNonNull(state, "state");
    }
}
