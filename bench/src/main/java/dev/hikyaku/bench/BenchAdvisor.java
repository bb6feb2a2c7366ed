package dev.hikyaku.bench;

import dev.hikyaku.advisor.certificate.ChainJudge;
import dev.hikyaku.advisor.certificate.TrustedCas;
import dev.hikyaku.advisor.dane.DaneVerifier;
import dev.hikyaku.advisor.dnssec.TrustAnchors;
import dev.hikyaku.advisor.dnssec.ValidatingDns;
import dev.hikyaku.advisor.mtasts.MtaStsChecker;
import dev.hikyaku.advisor.mtasts.PolicyCache;
import dev.hikyaku.advisor.mtasts.PolicyFetcher;
import dev.hikyaku.advisor.probe.KnownProviders;
import dev.hikyaku.advisor.probe.MxProber;
import dev.hikyaku.advisor.probe.Port25Reachability;
import dev.hikyaku.advisor.probe.ProbeSettings;
import dev.hikyaku.advisor.probe.StartTlsProbe;
import dev.hikyaku.advisor.route.RouteAdvisor;
import dev.hikyaku.advisor.route.RouteParts;
import dev.hikyaku.advisor.store.VerdictStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/** A route advisor assembled the way the CLI assembles one, but aimed at the bench world; owns its thread pools. */
final class BenchAdvisor implements AutoCloseable {
    /** Short, so the tarpit costs little; on loopback every honest server answers in milliseconds. */
    static final Duration BUDGET = Duration.ofSeconds(2);
    /** The CLI's pool sizes, so the parallelism measured is the one users get. */
    private static final int PROBE_THREADS = 16;
    private static final int LOOKUP_THREADS = 16;
    private static final int BLOCKED_AFTER = 3;
    /** No bench domain publishes MTA-STS, so no policy is ever fetched; the port only has to be valid. */
    private static final int HTTPS_PORT = 443;

    private final ExecutorService probes = Executors.newFixedThreadPool(PROBE_THREADS, daemon("bench-probe"));
    private final ExecutorService lookups = Executors.newFixedThreadPool(LOOKUP_THREADS, daemon("bench-lookup"));
    private final RouteAdvisor advisor;

    /** An advisor with empty caches that keeps its verdicts in {@code store}. */
    BenchAdvisor(BenchWorld world, VerdictStore store, Clock clock) {
        ValidatingDns dns = new ValidatingDns(world.dns().address(), TrustAnchors.fromText(world.dns().trustAnchors()),
                clock, BUDGET);
        Port25Reachability reachability = new Port25Reachability(BLOCKED_AFTER);
        MxProber prober = new MxProber(new StartTlsProbe(probeSettings(world), clock, new SecureRandom()), probes, clock,
                Duration.ofMinutes(10), reachability);
        TrustedCas cas = new TrustedCas(List.of(world.ca().root()));
        MtaStsChecker mtaSts = new MtaStsChecker(dns, new PolicyFetcher(cas.sslContext(), HTTPS_PORT, BUDGET, clock),
                new PolicyCache(), clock);
        advisor = new RouteAdvisor(new RouteParts(dns, prober, ChainJudge.trusting(cas.certificates(), clock),
                new DaneVerifier(clock), mtaSts, KnownProviders.bundled(), reachability, store, lookups, clock,
                Duration.ofHours(24), Duration.ofMinutes(10)));
    }

    /** The wire settings of every probe the bench makes: the world's port, the bench budget. */
    static ProbeSettings probeSettings(BenchWorld world) {
        return new ProbeSettings(world.smtpPort(), BUDGET, BUDGET, "probe.bench.test");
    }

    RouteAdvisor advisor() {
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
