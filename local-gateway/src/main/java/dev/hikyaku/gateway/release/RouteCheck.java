package dev.hikyaku.gateway.release;

import java.time.Duration;

/** Tells whether mail to an address travels an authenticated TLS route, as far as is known within a bounded wait. */
@FunctionalInterface
public interface RouteCheck {

    /** Whether {@code address}'s domain has an AUTHENTICATED verdict; false when unknown after {@code wait}. */
    boolean authenticated(String address, Duration wait);
}
