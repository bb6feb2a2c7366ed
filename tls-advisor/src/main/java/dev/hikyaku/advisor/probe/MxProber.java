package dev.hikyaku.advisor.probe;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;

/**
 * Runs probes in parallel on an injected bounded executor, with the manners mail servers expect: at most one
 * connection at a time per MX address (servers rate-limit probes that never send mail), and one probe per MX
 * host while its result is fresh, so two domains sharing an MX cost one probe.
 */
public final class MxProber {
    private record Cached(CompletableFuture<HostProbe> probe, Instant at) {
    }

    private final StartTlsProbe probe;
    private final Executor executor;
    private final Clock clock;
    private final Duration freshFor;
    private final Port25Reachability reachability;
    private final ConcurrentMap<String, Cached> byHost = new ConcurrentHashMap<>();
    private final ConcurrentMap<InetAddress, Semaphore> perAddress = new ConcurrentHashMap<>();

    /**
     * A prober.
     *
     * @param executor     runs the probes; its size bounds the parallelism
     * @param freshFor     how long a host's probe result is reused
     * @param reachability learns from every probe whether port 25 is reachable at all
     */
    public MxProber(StartTlsProbe probe, Executor executor, Clock clock, Duration freshFor, Port25Reachability reachability) {
        this.probe = probe;
        this.executor = executor;
        this.clock = clock;
        this.freshFor = freshFor;
        this.reachability = reachability;
    }

    /** Probes {@code host} over {@code addresses} in order until one answers; reuses a fresh or running probe. */
    public CompletableFuture<HostProbe> probe(String host, List<InetAddress> addresses) {
        String key = host.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        return byHost.compute(key, (k, cached) -> cached != null && now.isBefore(cached.at().plus(freshFor))
                ? cached
                : new Cached(CompletableFuture.supplyAsync(() -> probeInOrder(host, addresses), executor), now)).probe();
    }

    /** Forgets every cached host result, as {@code --fresh} asks. */
    public void forget() {
        byHost.clear();
    }

    private HostProbe probeInOrder(String host, List<InetAddress> addresses) {
        List<AddressProbe> attempts = new ArrayList<>();
        for (InetAddress address : addresses) {
            AddressProbe attempt = probeOne(host, address);
            attempts.add(attempt);
            if (attempt.outcome().judged()) {
                break;
            }
        }
        HostProbe result = new HostProbe(host, attempts);
        reachability.record(result);
        return result;
    }

    private AddressProbe probeOne(String host, InetAddress address) {
        Semaphore turn = perAddress.computeIfAbsent(address, a -> new Semaphore(1));
        turn.acquireUninterruptibly();
        try {
            Instant start = clock.instant();
            ProbeOutcome outcome = probe.probe(host, address);
            return new AddressProbe(address, outcome, Duration.between(start, clock.instant()));
        } finally {
            turn.release();
        }
    }
}
