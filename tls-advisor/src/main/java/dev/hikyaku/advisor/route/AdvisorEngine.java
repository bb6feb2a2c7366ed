package dev.hikyaku.advisor.route;

import dev.hikyaku.advisor.certificate.ChainJudge;
import dev.hikyaku.advisor.dane.DaneVerifier;
import dev.hikyaku.advisor.dnssec.ValidatingDns;
import dev.hikyaku.advisor.mtasts.MtaStsChecker;
import dev.hikyaku.advisor.mtasts.PolicyCache;
import dev.hikyaku.advisor.mtasts.PolicyFetcher;
import dev.hikyaku.advisor.probe.KnownProviders;
import dev.hikyaku.advisor.probe.MxProber;
import dev.hikyaku.advisor.probe.Port25Reachability;
import dev.hikyaku.advisor.probe.ProbeSettings;
import dev.hikyaku.advisor.probe.StartTlsProbe;
import dev.hikyaku.advisor.store.VerdictStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/** A {@link RouteAdvisor} with the thread pools it owns: the one way the CLI, the tests and the bench assemble it. */
public final class AdvisorEngine implements AutoCloseable {
    /** Probes at once; each holds one socket, and servers see at most one of them per address. */
    private static final int PROBE_THREADS = 16;
    /** DNS and HTTPS lookups at once. */
    private static final int LOOKUP_THREADS = 16;
    /** Silent MX hosts after which, with none answering, port 25 counts as blocked from here. */
    private static final int BLOCKED_AFTER = 3;
    /** One connect or DNS question never waits longer than this, whatever the whole probe may take. */
    private static final Duration MAX_STEP = Duration.ofSeconds(5);

    private final ExecutorService probes;
    private final ExecutorService lookups;
    private final RouteAdvisor advisor;

    /**
     * Assembles an advisor that keeps its verdicts in {@code store}.
     *
     * @throws IllegalArgumentException when the trust anchors cannot be read
     */
    public AdvisorEngine(EngineSettings settings, VerdictStore store, Clock clock) {
        Duration step = settings.timeout().compareTo(MAX_STEP) < 0 ? settings.timeout() : MAX_STEP;
        ValidatingDns dns;
        try {
            dns = new ValidatingDns(settings.dns(), settings.anchors(), clock, step);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        probes = Executors.newFixedThreadPool(PROBE_THREADS, daemon("hikyaku-probe"));
        lookups = Executors.newFixedThreadPool(LOOKUP_THREADS, daemon("hikyaku-lookup"));
        Port25Reachability reachability = new Port25Reachability(BLOCKED_AFTER);
        ProbeSettings wire = new ProbeSettings(settings.smtpPort(), step, settings.timeout(), settings.ehloName());
        MxProber prober = new MxProber(new StartTlsProbe(wire, clock, new SecureRandom()), probes, clock,
                Duration.ofMinutes(10), reachability);
        MtaStsChecker mtaSts = new MtaStsChecker(dns, new PolicyFetcher(settings.cas().sslContext(), settings.httpsPort(),
                settings.timeout(), clock), new PolicyCache(), clock);
        advisor = new RouteAdvisor(new RouteParts(dns, prober, ChainJudge.trusting(settings.cas().certificates(), clock),
                new DaneVerifier(clock), mtaSts, KnownProviders.bundled(), reachability, store, lookups, clock,
                Duration.ofHours(24), Duration.ofMinutes(10)));
    }

    /** The advisor. */
    public RouteAdvisor advisor() {
        return advisor;
    }

    @Override
    public void close() {
        probes.shutdownNow();
        lookups.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
