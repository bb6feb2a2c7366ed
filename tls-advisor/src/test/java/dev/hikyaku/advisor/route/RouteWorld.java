package dev.hikyaku.advisor.route;

import dev.hikyaku.advisor.certificate.TrustedCas;
import dev.hikyaku.advisor.dnssec.TrustAnchors;
import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.advisor.store.MemoryVerdictStore;
import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.dns.DnsWorld;
import dev.hikyaku.testworld.https.MtaStsServer;
import dev.hikyaku.testworld.smtp.MxBehaviour;
import dev.hikyaku.testworld.smtp.MxGroup;
import dev.hikyaku.testworld.time.ShiftedClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    private MtaStsServer https;
    private AdvisorEngine engine;

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
        if (engine == null) {
            int httpsPort = https == null ? 443 : https.address().getPort();
            engine = new AdvisorEngine(new EngineSettings(dns.address(), TrustAnchors.fromText(dns.trustAnchors()),
                    new TrustedCas(List.of(ca.root())), smtpPort, httpsPort, BUDGET, "probe.test"), store, clock);
        }
        return engine.advisor();
    }

    DomainReport check(int smtpPort, String domain) throws Exception {
        return advisor(smtpPort).check(RecipientDomain.parse(domain), false).get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (engine != null) {
            engine.close();
        }
        for (AutoCloseable server : servers) {
            server.close();
        }
        dns.close();
    }
}
