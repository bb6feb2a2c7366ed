package dev.hikyaku.gateway.events;

/** Receives the gateway's events; called on the gateway's threads, so implementations must not block for long. */
@FunctionalInterface
public interface GatewayListener {

    /** One event. */
    void on(GatewayEvent event);
}
