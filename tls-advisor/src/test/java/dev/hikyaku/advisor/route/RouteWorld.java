package dev.hikyaku.advisor.route;

import dev.hikyaku.testworld.time.ShiftedClock;
import dev.hikyaku.advisor.certificate.ChainJudge;
import dev.hikyaku.advisor.certificate.TrustedCas;
import dev.hikyaku.advisor.dane.DaneVerifier;
import dev.hikyaku.advisor.dnssec.TrustAnchors;
import dev.hikyaku.advisor.dnssec.ValidatingDns;
import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.advisor.mtasts.MtaStsChecker;
import dev.hikyaku.advisor.mtasts.PolicyCache;
import dev.hikyaku.advisor.mtasts.PolicyFetcher;
import dev.hikyaku.advisor.probe.KnownProviders;
import dev.hikyaku.advisor.probe.MxProber;
import dev.hikyaku.advisor.probe.Port25Reachability;
import dev.hikyaku.advisor.probe.ProbeSettings;
import dev.hikyaku.advisor.probe.StartTlsProbe;
import dev.hikyaku.advisor.store.MemoryVerdictStore;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.dns.DnsWorld;
import dev.hikyaku.testworld.https.MtaStsServer;
import dev.hikyaku.testworld.smtp.MxBehaviour;
import dev.hikyaku.testworld.smtp.MxGroup;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The loopback world one advisor test runs in: DNS, a fixture CA, MX groups, an MTA-STS server, and the advisor. */
final class RouteWorld implements AutoCloseable {
    /** Short, so tarpits cost little; still generous for a loaded CI machine talking to loopback. */
    static final Duration BUDGET = Duration.ofSeconds(2);

    final DnsWorld dns = DnsWorld.start();
    final FixtureCa ca = FixtureCa.create();
    final ShiftedClock clock = new ShiftedClock();
    final MemoryVerdictStore store = new MemoryVerdictStore();
    private final List<AutoCloseable> servers = new ArrayList<>();
    private final ExecutorService probes = Executors.newFixedThreadPool(8);
    private final ExecutorService lookups = Executors.newFixedThreadPool(8);
    private MtaStsServer https;
    private RouteAdvisor advisor;

    /** MX servers on 127.0.0.2, 127.0.0.3, ... sharing one port. */
    MxGroup mx(MxBehaviour... behaviours) throws IOException {
        MxGroup group = MxGroup.start(Arrays.asList(behaviours));
        servers.add(group);
        return group;
    }

    /** Closes {@code server} with the world. */
    <T extends AutoCloseable> T keep(T server) {
        servers.add(server);
        return server;
    }

    /** The MTA-STS policy server, started on first use on 127.0.0.1 with a fixture-CA certificate. */
    MtaStsServer https(String... policyHosts) throws IOException {
        if (https == null) {
            https = MtaStsServer.start(ca.server(policyHosts));
            servers.add(https);
        }
        return https;
    }

    /** The advisor, assembled on first use so it sees the zones (and trust anchors) the test made. */
    RouteAdvisor advisor(int smtpPort) {
        if (advisor == null) {
            ValidatingDns resolver = new ValidatingDns(dns.address(), TrustAnchors.fromText(dns.trustAnchors()), clock,
                    BUDGET);
            Port25Reachability reachability = new Port25Reachability(3);
            MxProber prober = new MxProber(new StartTlsProbe(new ProbeSettings(smtpPort, BUDGET, BUDGET, "probe.test"),
                    clock, new SecureRandom()), probes, clock, Duration.ofMinutes(10), reachability);
            TrustedCas cas = new TrustedCas(List.of(ca.root()));
            int httpsPort = https == null ? 443 : https.address().getPort();
            MtaStsChecker mtaSts = new MtaStsChecker(resolver, new PolicyFetcher(cas.sslContext(), httpsPort, BUDGET, clock),
                    new PolicyCache(), clock);
            advisor = new RouteAdvisor(new RouteParts(resolver, prober, ChainJudge.trusting(cas.certificates(), clock),
                    new DaneVerifier(clock), mtaSts, KnownProviders.bundled(), reachability, store, lookups, clock,
                    Duration.ofHours(24), Duration.ofMinutes(10)));
        }
        return advisor;
    }

    DomainReport check(int smtpPort, String domain) throws Exception {
        return advisor(smtpPort).check(RecipientDomain.parse(domain), false).get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        probes.shutdownNow();
        lookups.shutdownNow();
        for (AutoCloseable server : servers) {
            server.close();
        }
        dns.close();
    }
}
