package dev.hikyaku.app.settings;

import dev.hikyaku.gateway.auth.AuthOutcome;
import dev.hikyaku.gateway.delivery.UpstreamProblem;
import dev.hikyaku.gateway.delivery.UpstreamSecurity;
import java.util.Optional;

/** What testing the connection to the outgoing server found. */
public sealed interface ConnectionResult {

    /** No server is entered: the sandbox has nothing to test. */
    record NoUpstream() implements ConnectionResult {
    }

    /**
     * The server answered; with TLS, its certificate was trusted and matched its name.
     *
     * @param server       {@code host:port}
     * @param security     how the connection was protected
     * @param authRequired whether the server wants a login before it takes mail
     * @param login        what it said of the user name and password typed for the test, when any were
     */
    record Reached(String server, UpstreamSecurity security, boolean authRequired, Optional<AuthOutcome> login)
            implements ConnectionResult {
    }

    /** The server could not be asked; {@code problem} says why in the gateway's words. */
    record Unreachable(String server, UpstreamProblem problem) implements ConnectionResult {
    }
}
