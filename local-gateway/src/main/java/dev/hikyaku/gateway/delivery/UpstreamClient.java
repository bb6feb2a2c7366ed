package dev.hikyaku.gateway.delivery;

import dev.hikyaku.gateway.auth.AuthOutcome;
import dev.hikyaku.gateway.auth.Credentials;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's client of the user's outgoing (submission) server: checks credentials, learns whether the
 * server wants AUTH, and delivers spooled messages byte for byte with a per-recipient result. Connections are
 * pooled per credentials and reused; a reused connection found broken is retried once on a fresh one.
 * Thread-safe.
 */
public final class UpstreamClient implements AutoCloseable {

    private static final Duration LONGEST_SWEEP_INTERVAL = Duration.ofSeconds(5);

    private final UpstreamSettings settings;
    private final TransportFactory transports;
    private final ConnectionPool pool;
    private final UpstreamFailures failures;
    private final ScheduledFuture<?> sweeper;

    /**
     * A client for the upstream in the settings.
     *
     * @param clock the clock idle connections are timed by
     * @param timer runs write timeouts and the closing of idle connections; owned by the caller, who keeps it
     *              running until this client is closed (a single-thread scheduler with remove-on-cancel suits)
     */
    public UpstreamClient(UpstreamSettings settings, Clock clock, ScheduledExecutorService timer) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        this.transports = new TransportFactory(settings, Objects.requireNonNull(timer, "timer"));
        this.pool = new ConnectionPool(settings.maxPooledConnections(), settings.idleTimeout(), clock);
        this.failures = new UpstreamFailures(settings);
        long sweepMillis = Math.max(1, Math.min(settings.idleTimeout().toMillis() / 2,
                LONGEST_SWEEP_INTERVAL.toMillis()));
        this.sweeper = timer.scheduleWithFixedDelay(pool::closeExpired, sweepMillis, sweepMillis,
                TimeUnit.MILLISECONDS);
    }

    /** The settings this client was made with. */
    public UpstreamSettings settings() {
        return settings;
    }

    /**
     * Replays a mail client's credentials upstream: connect, TLS as configured, AUTH with exactly the client's
     * mechanism, QUIT. {@code Accepted} also when the upstream offers no AUTH at all (it needs none).
     */
    public AuthOutcome verify(Credentials credentials) {
        Optional<Credentials> given = Optional.of(credentials);
        TrackedTransport transport = transports.create(given, false);
        try {
            transport.connectAs(settings.host(), settings.port(), given);
            return new AuthOutcome.Accepted();
        } catch (MessagingException e) {
            return failures.connecting(e, transport, given).authOutcome();
        } finally {
            quietlyClose(transport);
        }
    }

    /**
     * Whether the upstream needs clients to authenticate: it offers AUTH, or it refuses MAIL with 530.
     *
     * @throws UpstreamUnavailableException when the upstream cannot be asked
     */
    public boolean authenticationNeeded() throws UpstreamUnavailableException {
        TrackedTransport transport = transports.create(Optional.empty(), false);
        try {
            transport.connectAs(settings.host(), settings.port(), Optional.empty());
            if (transport.supportsExtension("AUTH")) {
                return true;
            }
            int mail = transport.simpleCommand("MAIL FROM:<>");
            transport.simpleCommand("RSET");
            return mail == 530;
        } catch (MessagingException e) {
            throw new UpstreamUnavailableException(
                    failures.connecting(e, transport, Optional.empty()).deferral(settings.host()).reason());
        } finally {
            quietlyClose(transport);
        }
    }

    /**
     * Delivers the message file to the request's recipients and reports each one's outcome. Never throws for
     * upstream trouble: that is what {@link RecipientOutcome.Deferred} is for.
     */
    public DeliveryReport deliver(DeliveryRequest request) {
        List<String> recipients = List.copyOf(new LinkedHashSet<>(request.recipients()));
        long size;
        try {
            size = Files.size(request.messageFile());
        } catch (IOException e) {
            return DeliveryReport.forAll(recipients, deferred(UpstreamProblem.of("delivery.messageUnreadable",
                    request.messageFile(), e.getMessage())));
        }
        PoolKey key = PoolKey.of(request.credentials(), request.smtpUtf8());
        return attempt(request, recipients, size, key, true).orElseGet(() -> {
            pool.discardIdle(key);
            return attempt(request, recipients, size, key, false).orElseThrow();
        });
    }

    /** Closes the pooled connections (QUIT); a delivery still running finishes and closes its own. */
    @Override
    public void close() {
        sweeper.cancel(false);
        pool.close();
    }

    @Override
    public String toString() {
        return "UpstreamClient[" + settings.host() + ":" + settings.port() + ", " + settings.security() + "]";
    }

    /** One try over one connection: empty when a reused connection broke before the upstream kept anything. */
    private Optional<DeliveryReport> attempt(DeliveryRequest request, List<String> recipients, long size, PoolKey key,
            boolean reuse) {
        ConnectionPool.Lease lease;
        try {
            lease = pool.acquire(key, reuse);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(DeliveryReport.forAll(recipients, deferred(UpstreamProblem.of("delivery.interrupted"))));
        } catch (IllegalStateException e) {
            return Optional.of(DeliveryReport.forAll(recipients, deferred(UpstreamProblem.of("delivery.closed"))));
        }
        TrackedTransport transport = lease.idle().orElse(null);
        boolean keep = false;
        try {
            if (transport == null) {
                transport = transports.create(request.credentials(), request.smtpUtf8());
                try {
                    transport.connectAs(settings.host(), settings.port(), request.credentials());
                } catch (MessagingException e) {
                    return Optional.of(DeliveryReport.forAll(recipients,
                            failures.connecting(e, transport, request.credentials()).deferral(settings.host())));
                }
            }
            Transaction transaction = new Transaction(settings, failures, request, recipients, size, transport);
            Optional<DeliveryReport> report = transaction.run(lease.idle().isPresent());
            keep = transaction.connectionReusable();
            return report;
        } finally {
            pool.release(lease, transport, keep);
        }
    }

    private static RecipientOutcome.Deferred deferred(UpstreamProblem problem) {
        return new RecipientOutcome.Deferred(problem, false);
    }

    private static void quietlyClose(TrackedTransport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            // QUIT after the answer is known: a failure to say goodbye changes nothing.
        }
    }
}
