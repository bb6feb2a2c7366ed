package dev.hikyaku.gateway.delivery;

/** How the connection to the upstream submission server is protected. */
public enum UpstreamSecurity {
    /** Plain connect, then STARTTLS; a server that does not offer it gets nothing (port 587). */
    STARTTLS_REQUIRED,
    /** TLS from the first byte (port 465). */
    IMPLICIT_TLS,
    /** No TLS at all: only for sinks on loopback (tests, the benchmark's smtp-sink). */
    NONE
}
