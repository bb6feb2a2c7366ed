package dev.hikyaku.gateway.events;

import java.util.List;

/** Hands every event to each listener in turn; one listener's failure never keeps the event from the others. */
public final class EventFanout implements GatewayListener {
    private final List<GatewayListener> listeners;

    /** Fans out to {@code listeners}, in order. */
    public EventFanout(List<GatewayListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void on(GatewayEvent event) {
        for (GatewayListener listener : listeners) {
            try {
                listener.on(event);
            } catch (RuntimeException e) {
                // A broken listener (say, a closed window) must not stop the gateway or the archive; it is skipped.
            }
        }
    }
}
