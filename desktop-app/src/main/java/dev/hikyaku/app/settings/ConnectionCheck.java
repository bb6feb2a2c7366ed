package dev.hikyaku.app.settings;

import dev.hikyaku.advisor.certificate.TrustedCas;
import dev.hikyaku.gateway.auth.AuthOutcome;
import dev.hikyaku.gateway.auth.Credentials;
import dev.hikyaku.gateway.config.GatewaySettings;
import dev.hikyaku.gateway.config.UpstreamTarget;
import dev.hikyaku.gateway.delivery.UpstreamClient;
import dev.hikyaku.gateway.delivery.UpstreamSettings;
import dev.hikyaku.gateway.delivery.UpstreamUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Tests the outgoing server of candidate settings with the gateway's own client: connects and protects the
 * connection exactly as delivery will (STARTTLS required or TLS, the system CAs plus the extra CA file), asks
 * whether it wants AUTH, and, given a user name and password, tries them. Blocks: run it in the background.
 */
public final class ConnectionCheck {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final Clock clock;

    /** A check whose client times idle connections by {@code clock}. */
    public ConnectionCheck(Clock clock) {
        this.clock = clock;
    }

    /**
     * Tests the upstream of {@code settings} (checked by {@link ConfCheck}); {@code login}, when present, is tried
     * and then wiped.
     */
    public ConnectionResult check(GatewaySettings settings, Optional<Credentials> login) {
        if (settings.upstream().isEmpty()) {
            return new ConnectionResult.NoUpstream();
        }
        UpstreamTarget target = settings.upstream().get();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hikyaku-connection-test");
            thread.setDaemon(true);
            return thread;
        });
        try (UpstreamClient client = new UpstreamClient(upstreamSettings(target)
                .withTimeouts(CONNECT_TIMEOUT, READ_TIMEOUT), clock, timer)) {
            boolean authRequired = client.authenticationNeeded();
            Optional<AuthOutcome> tried = login.map(client::verify);
            return new ConnectionResult.Reached(target.hostAndPort(), target.security(), authRequired, tried);
        } catch (UpstreamUnavailableException e) {
            return new ConnectionResult.Unreachable(target.hostAndPort(), e.problem());
        } catch (IOException e) {
            // The candidate was checked with upstreamSettings just before; the CA file changed since.
            throw new UncheckedIOException(e);
        } finally {
            login.ifPresent(Credentials::wipe);
            timer.shutdownNow();
        }
    }

    /**
     * The client settings the gateway builds for {@code target} (its trust, its greeting name).
     *
     * @throws IllegalArgumentException when the gateway would refuse the target at start: a host that is no host
     *                                  name, or no TLS towards a server off this computer
     * @throws IOException              when the extra CA file cannot be read as certificates
     */
    static UpstreamSettings upstreamSettings(UpstreamTarget target) throws IOException {
        List<X509Certificate> extra = new ArrayList<>();
        if (target.trustCa().isPresent()) {
            try {
                extra.addAll(TrustedCas.readFile(target.trustCa().get()));
            } catch (CertificateException e) {
                throw new IOException(target.trustCa().get() + ": " + e.getMessage(), e);
            }
        }
        return UpstreamSettings.of(target.host(), target.port(), target.security(),
                TrustedCas.systemPlus(extra).sslContext()).withEhloName(localHostName());
    }

    /** The name the gateway greets with (AdvisorSettings does the same): strict servers want a host name. */
    private static String localHostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.matches("[A-Za-z0-9.-]{1,253}") ? name : "localhost";
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
