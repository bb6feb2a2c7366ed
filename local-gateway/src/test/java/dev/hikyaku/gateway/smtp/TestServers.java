package dev.hikyaku.gateway.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** Submission servers on ephemeral loopback ports, as the tests need them. */
final class TestServers {
    static final String HOSTNAME = "gateway.test";

    private TestServers() {
    }

    /** A plain server without TLS. */
    static SubmissionServer plain(SubmissionHandler handler, SmtpLimits limits) throws IOException {
        return SubmissionServer.start(new SubmissionSettings(HOSTNAME, List.of(loopback()), List.of(),
                Optional.empty(), limits), handler);
    }

    /** A plain server offering STARTTLS plus an implicit-TLS endpoint, both with {@code tls}. */
    static SubmissionServer withTls(SubmissionHandler handler, SmtpLimits limits, SSLContext tls) throws IOException {
        return SubmissionServer.start(new SubmissionSettings(HOSTNAME, List.of(loopback()), List.of(loopback()),
                Optional.of(tls), limits), handler);
    }

    static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    static InetSocketAddress address(SubmissionServer server) {
        return server.plainAddresses().get(0);
    }
}
