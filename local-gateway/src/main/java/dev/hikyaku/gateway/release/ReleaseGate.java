package dev.hikyaku.gateway.release;

import dev.hikyaku.gateway.queue.QueuedMessage;

/** Whether a due message may be handed over now, beyond its credentials (e.g. its signing key is unlocked). */
@FunctionalInterface
public interface ReleaseGate {
    /** Lets everything through. */
    ReleaseGate OPEN = message -> true;

    /** Whether {@code message} may go now; a message kept back stays due and is looked at again on the next pass. */
    boolean mayRelease(QueuedMessage message);
}
