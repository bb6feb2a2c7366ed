package dev.hikyaku.gateway.smtp;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Where and how the submission listener serves.
 *
 * @param hostname             the name the listener greets with and announces in EHLO (printable ASCII, no spaces)
 * @param plainEndpoints       addresses served in plain SMTP; they offer STARTTLS when {@code tls} is present
 * @param implicitTlsEndpoints addresses where TLS starts at connect (RFC 8314); need {@code tls}
 * @param tls                  the server's TLS context (key and certificate), or empty for no TLS at all
 * @param limits               the bounds every session is held to
 */
public record SubmissionSettings(String hostname, List<InetSocketAddress> plainEndpoints,
                                 List<InetSocketAddress> implicitTlsEndpoints, Optional<SSLContext> tls,
                                 SmtpLimits limits) {

    /** Validated copy. */
    public SubmissionSettings {
        Objects.requireNonNull(hostname, "hostname");
        if (hostname.isEmpty() || !hostname.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("the host name must be printable ASCII without spaces");
        }
        plainEndpoints = List.copyOf(plainEndpoints);
        implicitTlsEndpoints = List.copyOf(implicitTlsEndpoints);
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(limits, "limits");
        if (plainEndpoints.isEmpty() && implicitTlsEndpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one endpoint is needed");
        }
        if (!implicitTlsEndpoints.isEmpty() && tls.isEmpty()) {
            throw new IllegalArgumentException("implicit-TLS endpoints need a TLS context");
        }
    }
}
