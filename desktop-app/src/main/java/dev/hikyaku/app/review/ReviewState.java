package dev.hikyaku.app.review;

import dev.hikyaku.gateway.archive.ArchivedMessage;
import dev.hikyaku.gateway.queue.QueueEntry;
import dev.hikyaku.gateway.queue.RecipientState;
import dev.hikyaku.gateway.queue.RecipientStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where a message under review stands, as one word for the whole message, most pressing first. */
public enum ReviewState {
    /** Not loaded yet. */
    LOADING(ReviewKey.STATE_LOADING, false),
    /** Accepted; the routes are being checked. */
    PLANNING(ReviewKey.STATE_PLANNING, false),
    /** Waits for its hold to end. */
    HELD(ReviewKey.STATE_HELD, false),
    /** Waits for the sender: a decision or confirmations. */
    AWAITING(ReviewKey.STATE_AWAITING, false),
    /** Its time passed long ago (the PC slept); waits for the sender. */
    OVERDUE(ReviewKey.STATE_OVERDUE, false),
    /** Being handed to the server. */
    SENDING(ReviewKey.STATE_SENDING, false),
    /** Deferred by the server; retried later. */
    RETRYING(ReviewKey.STATE_RETRYING, false),
    /** Every recipient got it. */
    SENT(ReviewKey.STATE_SENT, true),
    /** Some recipients got it, others not. */
    PARTLY_SENT(ReviewKey.STATE_PARTLY_SENT, true),
    /** The sender cancelled it. */
    CANCELLED(ReviewKey.STATE_CANCELLED, true),
    /** No recipient got it. */
    FAILED(ReviewKey.STATE_FAILED, true),
    /** Neither queued nor archived. */
    UNKNOWN(ReviewKey.STATE_UNKNOWN, true);

    private final ReviewKey text;
    private final boolean settled;

    ReviewState(ReviewKey text, boolean settled) {
        this.text = text;
        this.settled = settled;
    }

    /** The status line's text. */
    public ReviewKey text() {
        return text;
    }

    /** Whether nothing more will happen to the message (the review's actions are off). */
    public boolean settled() {
        return settled;
    }

    /** The state of a message from its queue entry (while queued) or else its archive record. */
    public static ReviewState of(Optional<QueueEntry> entry, Optional<ArchivedMessage> archived, Instant now) {
        if (entry.isPresent()) {
            return of(entry.get().recipients(), now);
        }
        if (archived.isEmpty()) {
            return UNKNOWN;
        }
        return switch (archived.get().state()) {
            case SENT -> SENT;
            case PARTLY_SENT -> PARTLY_SENT;
            case FAILED -> FAILED;
            case CANCELLED -> CANCELLED;
            case RECEIVED, IN_PROGRESS -> UNKNOWN;
        };
    }

    /** The state of a queued message's recipients. */
    public static ReviewState of(List<RecipientStatus> recipients, Instant now) {
        if (recipients.stream().allMatch(recipient -> recipient.state().isFinal())) {
            long sent = count(recipients, RecipientState.SENT);
            if (sent == recipients.size()) {
                return SENT;
            }
            if (sent > 0) {
                return PARTLY_SENT;
            }
            return count(recipients, RecipientState.CANCELLED) > 0 ? CANCELLED : FAILED;
        }
        if (count(recipients, RecipientState.OVERDUE) > 0) {
            return OVERDUE;
        }
        if (count(recipients, RecipientState.AWAITING) > 0) {
            return AWAITING;
        }
        if (count(recipients, RecipientState.RELEASING) > 0) {
            return SENDING;
        }
        if (recipients.stream().anyMatch(recipient -> recipient.state() == RecipientState.HELD && recipient.attempts() > 0)) {
            return RETRYING;
        }
        if (holdEnd(recipients, now).isPresent()) {
            return HELD;
        }
        return count(recipients, RecipientState.ACCEPTED) > 0 ? PLANNING : SENDING;
    }

    /** When the last held recipient's hold ends, if one is still held (retries not counted). */
    public static Optional<Instant> holdEnd(List<RecipientStatus> recipients, Instant now) {
        return recipients.stream()
                .filter(recipient -> recipient.state() == RecipientState.HELD && recipient.attempts() == 0)
                .map(RecipientStatus::dueAt).filter(due -> due.isAfter(now)).max(Instant::compareTo);
    }

    private static long count(List<RecipientStatus> recipients, RecipientState state) {
        return recipients.stream().filter(recipient -> recipient.state() == state).count();
    }
}
