package dev.hikyaku.gateway.archive;

/** Where an archived message stands, derived from its recipients' latest delivery statuses. */
public enum MessageState {
    /** Recorded; no delivery has been recorded yet. */
    RECEIVED,
    /** Some recipients are still waiting (not attempted, or deferred). */
    IN_PROGRESS,
    /** Every recipient's latest status is {@code sent}. */
    SENT,
    /** Every recipient is done, some sent and some failed or cancelled. */
    PARTLY_SENT,
    /** Every recipient is done and none was sent. */
    FAILED,
    /** The user cancelled the message (recipients already sent to stay sent). */
    CANCELLED
}
