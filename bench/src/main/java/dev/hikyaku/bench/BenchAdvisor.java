package dev.hikyaku.bench;

import dev.hikyaku.advisor.certificate.TrustedCas;
import dev.hikyaku.advisor.dnssec.TrustAnchors;
import dev.hikyaku.advisor.probe.ProbeSettings;
import dev.hikyaku.advisor.route.AdvisorEngine;
import dev.hikyaku.advisor.route.EngineSettings;
import dev.hikyaku.advisor.route.RouteAdvisor;
import dev.hikyaku.advisor.store.VerdictStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The advisor engine the CLI uses, aimed at the bench world, so the parallelism measured is the one users get. */
final class BenchAdvisor implements AutoCloseable {
    /** Short, so the tarpit costs little; on loopback every honest server answers in milliseconds. */
    static final Duration BUDGET = Duration.ofSeconds(2);
    /** No bench domain publishes MTA-STS, so no policy is ever fetched; the port only has to be valid. */
    private static final int HTTPS_PORT = 443;
    private static final String EHLO_NAME = "probe.bench.test";

    private final AdvisorEngine engine;

    /** An advisor with empty caches that keeps its verdicts in {@code store}. */
    BenchAdvisor(BenchWorld world, VerdictStore store, Clock clock) {
        engine = new AdvisorEngine(new EngineSettings(world.dns().address(),
                TrustAnchors.fromText(world.dns().trustAnchors()), new TrustedCas(List.of(world.ca().root())),
                world.smtpPort(), HTTPS_PORT, BUDGET, EHLO_NAME), store, clock);
    }

    /** The wire settings of the bench's direct probes: the world's port, the bench budget. */
    static ProbeSettings probeSettings(BenchWorld world) {
        return new ProbeSettings(world.smtpPort(), BUDGET, BUDGET, EHLO_NAME);
    }

    RouteAdvisor advisor() {
        return engine.advisor();
    }

    @Override
    public void close() {
        engine.close();
    }
}
