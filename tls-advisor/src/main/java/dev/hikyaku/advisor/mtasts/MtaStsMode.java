package dev.hikyaku.advisor.mtasts;

/** What a domain asks senders to do when its MX cannot be reached with authenticated TLS (RFC 8461 section 5). */
public enum MtaStsMode {
    /** Do not deliver over a failing route: the route is pinned. */
    ENFORCE,
    /** Deliver anyway and only report failures: nothing is pinned. */
    TESTING,
    /** The domain has withdrawn its policy. */
    NONE
}
