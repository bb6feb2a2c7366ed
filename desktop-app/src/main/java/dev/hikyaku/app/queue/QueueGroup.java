package dev.hikyaku.app.queue;

import dev.hikyaku.gateway.queue.QueueEntry;
import dev.hikyaku.gateway.queue.RecipientState;
import dev.hikyaku.gateway.queue.RecipientStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The queue's sections, most pressing first; a message is listed under the most pressing state of its recipients. */
public enum QueueGroup {
    /** A recipient waits for the sender's decision or ticks. */
    AWAITING(QueueKey.GROUP_AWAITING, QueueKey.STATE_AWAITING),
    /** A recipient's time passed long ago (the PC slept); waits for the sender. */
    OVERDUE(QueueKey.GROUP_OVERDUE, QueueKey.STATE_OVERDUE),
    /** A recipient failed for good. */
    FAILED(QueueKey.GROUP_FAILED, QueueKey.STATE_FAILED),
    /** The server deferred a recipient; it is tried again later. */
    RETRYING(QueueKey.GROUP_RETRYING, QueueKey.STATE_RETRYING),
    /** Waits for its hold to end. */
    HELD(QueueKey.GROUP_HELD, QueueKey.STATE_HELD),
    /** Being handed to the server, or due now. */
    DELIVERING(QueueKey.GROUP_DELIVERING, QueueKey.STATE_DELIVERING),
    /** Accepted; its routes are being checked. */
    PLANNING(QueueKey.GROUP_PLANNING, QueueKey.STATE_PLANNING);

    private final QueueKey heading;
    private final QueueKey word;

    QueueGroup(QueueKey heading, QueueKey word) {
        this.heading = heading;
        this.word = word;
    }

    /** The section's heading, with a count. */
    public QueueKey heading() {
        return heading;
    }

    /** The state in one word or two. */
    public QueueKey word() {
        return word;
    }

    /** The section of a queued message at {@code now}; empty when every recipient is settled (it leaves the queue). */
    public static Optional<QueueGroup> of(QueueEntry entry, Instant now) {
        List<RecipientStatus> recipients = entry.recipients();
        if (has(recipients, RecipientState.AWAITING)) {
            return Optional.of(AWAITING);
        }
        if (has(recipients, RecipientState.OVERDUE)) {
            return Optional.of(OVERDUE);
        }
        if (has(recipients, RecipientState.FAILED) && !entry.finished()) {
            return Optional.of(FAILED);
        }
        if (recipients.stream().anyMatch(recipient -> recipient.state() == RecipientState.HELD && recipient.attempts() > 0)) {
            return Optional.of(RETRYING);
        }
        if (recipients.stream().anyMatch(recipient -> recipient.state() == RecipientState.HELD
                && recipient.dueAt().isAfter(now))) {
            return Optional.of(HELD);
        }
        if (has(recipients, RecipientState.RELEASING) || has(recipients, RecipientState.HELD)) {
            return Optional.of(DELIVERING);
        }
        if (has(recipients, RecipientState.ACCEPTED)) {
            return Optional.of(PLANNING);
        }
        return Optional.empty();
    }

    private static boolean has(List<RecipientStatus> recipients, RecipientState state) {
        return recipients.stream().anyMatch(recipient -> recipient.state() == state);
    }
}
