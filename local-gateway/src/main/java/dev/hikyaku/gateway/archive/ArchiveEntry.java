package dev.hikyaku.gateway.archive;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One search result: what a list of archived messages shows.
 *
 * @param id              the gateway's id of the message (as given to {@link Archive#recordSubmission})
 * @param receivedAt      when the gateway received it
 * @param sender          the envelope sender
 * @param subject         the decoded subject
 * @param recipients      the envelope recipients (then any others deliveries were recorded for), each with
 *                        its latest status
 * @param attachmentNames the attachments' file names
 * @param state           where the message stands
 */
public record ArchiveEntry(String id, Instant receivedAt, String sender, String subject,
                           List<RecipientStatus> recipients, List<String> attachmentNames, MessageState state) {

    /** Validated entry with unmodifiable lists. */
    public ArchiveEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(subject, "subject");
        recipients = List.copyOf(recipients);
        attachmentNames = List.copyOf(attachmentNames);
        Objects.requireNonNull(state, "state");
    }
}
