package dev.hikyaku.gateway.plan;

import dev.hikyaku.gateway.queue.QueuedMessage;
import java.util.concurrent.CompletableFuture;

/** Decides a message's {@link SmimeHandling} while it is planned; may wait for the identity store to be unlocked. */
@FunctionalInterface
public interface SmimeReview {
    /** Signs nothing, forwards nothing readable. */
    SmimeReview NONE = message -> CompletableFuture.completedFuture(SmimeHandling.none());

    /** The handling of {@code message}, once it can be decided. */
    CompletableFuture<SmimeHandling> review(QueuedMessage message);
}
