package dev.hikyaku.gateway.release;

import java.util.concurrent.CompletableFuture;

/** Decides when and whether each recipient of a newly accepted message may go. */
public interface ReleaseDecider {

    /**
     * Moves every recipient of {@code messageId} still ACCEPTED on: HELD until its time, AWAITING the sender,
     * FAILED or CANCELLED; completes when that is on disk.
     */
    CompletableFuture<Void> decide(String messageId);
}
