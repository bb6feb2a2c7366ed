package dev.hikyaku.advisor.probe;

import java.time.Duration;

/**
 * How a STARTTLS probe behaves on the wire.
 *
 * @param port           the SMTP port to probe (25 on the internet; a loopback port in tests)
 * @param connectTimeout how long to wait for the TCP connection
 * @param budget         the most one probe of one address may take in all, whatever the server does
 * @param ehloName       the name we greet with; a real host name keeps strict servers from rejecting us
 */
public record ProbeSettings(int port, Duration connectTimeout, Duration budget, String ehloName) {

    /** Internet defaults: port 25, 5 s to connect, 20 s per address in all. */
    public static ProbeSettings defaults(String ehloName) {
        return new ProbeSettings(25, Duration.ofSeconds(5), Duration.ofSeconds(20), ehloName);
    }

    /** Validates ranges so a typo cannot make a probe wait forever. */
    public ProbeSettings {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (!ehloName.matches("[A-Za-z0-9.-]{1,253}")) {
            throw new IllegalArgumentException("EHLO name must be a host name");
        }
    }
}
