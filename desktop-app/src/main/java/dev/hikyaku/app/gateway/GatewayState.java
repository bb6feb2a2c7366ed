package dev.hikyaku.app.gateway;

import dev.hikyaku.gateway.config.ConfigException;

/** Where the in-process gateway stands, as the main window reports it. */
public sealed interface GatewayState {

    /** A state in which the configuration is known. */
    sealed interface Planned extends GatewayState {
        /** What the configuration says the gateway is. */
        GatewayPlan plan();
    }

    /** The configuration was read; the listener is being opened. */
    record Starting(GatewayPlan plan) implements Planned {
    }

    /** The gateway accepts mail; {@code fingerprint} is its localhost certificate's SHA-256. */
    record Running(GatewayPlan plan, String fingerprint) implements Planned {
    }

    /** Another gateway of this user (the headless one, or a second app) holds the data folder. */
    record AlreadyRunning(GatewayPlan plan) implements Planned {
    }

    /** The gateway could not start, e.g. the port is taken; {@code detail} says why. */
    record CannotStart(GatewayPlan plan, String detail) implements Planned {
    }

    /** The user paused the gateway: nothing listens, queued mail waits on disk until it runs again. */
    record Paused(GatewayPlan plan) implements Planned {
    }

    /** The configuration file holds a mistake; the gateway was not started. */
    record BadConfiguration(ConfigException problem) implements GatewayState {
    }
}
