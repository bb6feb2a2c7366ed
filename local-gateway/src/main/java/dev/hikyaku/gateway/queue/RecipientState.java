package dev.hikyaku.gateway.queue;

/**
 * Where one recipient of a queued message stands. A recipient moves forward only:
 * ACCEPTED -> HELD -> RELEASING -> SENT or FAILED, with RELEASING -> HELD for a retry, HELD -> OVERDUE when
 * it woke up long after its time, ACCEPTED -> AWAITING -> HELD when its plan needs the sender's decision or
 * confirmation, ACCEPTED/AWAITING -> FAILED when a rule refuses it, and ACCEPTED/AWAITING/HELD/OVERDUE ->
 * CANCELLED by the user.
 */
public enum RecipientState {
    /** On disk and in the queue; its hold is not decided yet. */
    ACCEPTED,
    /** Planned, but waits for the sender: a decision (e.g. a domain that takes no mail) or confirmations. */
    AWAITING,
    /** Waiting for its time (the hold's end, or the next retry). */
    HELD,
    /** Woke up far too late (the PC slept or was off); waits for the user to send or cancel it. */
    OVERDUE,
    /** Handed to the upstream right now; after a crash it goes back to HELD and is sent again. */
    RELEASING,
    /** The upstream accepted it. */
    SENT,
    /** The upstream refused it for good, or retries ran out. */
    FAILED,
    /** The user cancelled it before it left. */
    CANCELLED;

    /** Whether nothing more will happen to this recipient. */
    public boolean isFinal() {
        return this == SENT || this == FAILED || this == CANCELLED;
    }
}
