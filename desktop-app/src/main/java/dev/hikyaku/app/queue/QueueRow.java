package dev.hikyaku.app.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One message in the queue section.
 *
 * @param messageId  the gateway's id
 * @param group      its section
 * @param subject    the decoded subject (empty while the archive does not hold it yet)
 * @param recipients the envelope recipients
 * @param when       what the row's time refers to: the hold's end, the next try, when it was due or when it failed
 * @param attempts   how often the server was tried
 * @param detail     the last reply or reason, empty when none
 * @param queued     whether it is still queued (a failure from the archive is not, and only can be saved)
 * @param sendable   whether "send now" would release something
 * @param cancellable whether "cancel" would stop something
 */
public record QueueRow(String messageId, QueueGroup group, String subject, List<String> recipients,
                       Optional<Instant> when, int attempts, String detail, boolean queued, boolean sendable,
                       boolean cancellable) {
    /** Unmodifiable copy. */
    public QueueRow {
        recipients = List.copyOf(recipients);
    }
}
