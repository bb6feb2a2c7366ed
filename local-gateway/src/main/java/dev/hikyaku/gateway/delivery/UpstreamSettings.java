package dev.hikyaku.gateway.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Where and how the gateway reaches the user's outgoing mail server.
 *
 * @param host                 the server's host name or IP literal
 * @param port                 the server's port (587 for STARTTLS, 465 for implicit TLS)
 * @param security             how the connection is protected; {@code NONE} only towards loopback
 * @param trust                the TLS context whose trust managers judge the server's certificate (see
 *                             {@link UpstreamTrust}); the server name is checked against the certificate too
 * @param connectTimeout       how long a TCP connect may take
 * @param readTimeout          how long any single read or write may wait for the server
 * @param ehloName             the name the gateway gives in EHLO: a host name or an address literal
 * @param maxPooledConnections the most connections open to the server at once, in use or idle
 * @param idleTimeout          how long an unused connection is kept for the next message
 */
public record UpstreamSettings(String host, int port, UpstreamSecurity security, SSLContext trust,
                               Duration connectTimeout, Duration readTimeout, String ehloName,
                               int maxPooledConnections, Duration idleTimeout) {

    /** The connect timeout unless told otherwise. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** The read and write timeout unless told otherwise. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(2);
    /** The EHLO name unless told otherwise. */
    public static final String DEFAULT_EHLO_NAME = "localhost";
    /** The connection limit unless told otherwise. */
    public static final int DEFAULT_MAX_POOLED_CONNECTIONS = 4;
    /** How long idle connections are kept unless told otherwise. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    // A host name (letters, digits, hyphens, dots, underscores seen in the wild) or an IP literal.
    private static final String HOST = "[A-Za-z0-9_][A-Za-z0-9_.-]*|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*";
    // RFC 5321 EHLO argument: a domain or an address literal in brackets.
    private static final String EHLO_NAME = "[A-Za-z0-9][A-Za-z0-9.-]*|\\[[0-9A-Fa-f:.]+\\]|\\[IPv6:[0-9A-Fa-f:.]+\\]";

    /** Validated settings. */
    public UpstreamSettings {
        Objects.requireNonNull(host, "host");
        if (!host.matches(HOST) || host.length() > 253) {
            throw new IllegalArgumentException("not a host name or IP literal: " + host);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(trust, "trust");
        checkPositive(connectTimeout, "connectTimeout");
        checkPositive(readTimeout, "readTimeout");
        Objects.requireNonNull(ehloName, "ehloName");
        if (!ehloName.matches(EHLO_NAME) || ehloName.length() > 255) {
            throw new IllegalArgumentException("not a valid EHLO name: " + ehloName);
        }
        if (maxPooledConnections < 1) {
            throw new IllegalArgumentException("maxPooledConnections must be at least 1");
        }
        checkPositive(idleTimeout, "idleTimeout");
        if (security == UpstreamSecurity.NONE && !isLoopback(host)) {
            throw new IllegalArgumentException("without TLS the upstream must be on loopback, not " + host);
        }
    }

    /** Settings with the default timeouts, EHLO name, pool size and idle time. */
    public static UpstreamSettings of(String host, int port, UpstreamSecurity security, SSLContext trust) {
        return new UpstreamSettings(host, port, security, trust, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT,
                DEFAULT_EHLO_NAME, DEFAULT_MAX_POOLED_CONNECTIONS, DEFAULT_IDLE_TIMEOUT);
    }

    /** The same settings with other timeouts. */
    public UpstreamSettings withTimeouts(Duration connect, Duration read) {
        return new UpstreamSettings(host, port, security, trust, connect, read, ehloName, maxPooledConnections,
                idleTimeout);
    }

    /** The same settings with another EHLO name. */
    public UpstreamSettings withEhloName(String name) {
        return new UpstreamSettings(host, port, security, trust, connectTimeout, readTimeout, name,
                maxPooledConnections, idleTimeout);
    }

    /** The same settings with another connection limit. */
    public UpstreamSettings withMaxPooledConnections(int connections) {
        return new UpstreamSettings(host, port, security, trust, connectTimeout, readTimeout, ehloName, connections,
                idleTimeout);
    }

    /** The same settings keeping idle connections for another span. */
    public UpstreamSettings withIdleTimeout(Duration idle) {
        return new UpstreamSettings(host, port, security, trust, connectTimeout, readTimeout, ehloName,
                maxPooledConnections, idle);
    }

    private static void checkPositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero() || duration.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be positive and below 24 days: " + duration);
        }
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Literals only: a name that DNS maps to loopback today may map elsewhere tomorrow.
        if (!host.matches("[0-9.]+|.*:.*")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
