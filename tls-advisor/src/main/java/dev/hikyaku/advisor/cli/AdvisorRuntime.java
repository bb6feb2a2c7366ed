package dev.hikyaku.advisor.cli;

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
import dev.hikyaku.advisor.store.SqliteVerdictStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/** One run's advisor with the threads and files it holds, released on close. */
final class AdvisorRuntime implements AutoCloseable {
    /** Probes at once; each holds one socket, and servers see at most one of them per address. */
    private static final int PROBE_THREADS = 16;
    /** DNS and HTTPS lookups at once. */
    private static final int LOOKUP_THREADS = 16;
    /** Silent MX hosts after which, with none answering, port 25 counts as blocked from here. */
    private static final int BLOCKED_AFTER = 3;

    private final ExecutorService probes = Executors.newFixedThreadPool(PROBE_THREADS, daemon("hikyaku-probe"));
    private final ExecutorService lookups = Executors.newFixedThreadPool(LOOKUP_THREADS, daemon("hikyaku-lookup"));
    private final SqliteVerdictStore store;
    private final RouteAdvisor advisor;

    private AdvisorRuntime(SqliteVerdictStore store, ValidatingDns dns, TrustedCas cas, CheckOptions options,
                           String ehloName, Clock clock) {
        this.store = store;
        ProbeSettings settings = new ProbeSettings(options.smtpPort(), min(options.timeout(), Duration.ofSeconds(5)),
                options.timeout(), ehloName);
        Port25Reachability reachability = new Port25Reachability(BLOCKED_AFTER);
        MxProber prober = new MxProber(new StartTlsProbe(settings, clock, new SecureRandom()), probes, clock,
                Duration.ofMinutes(10), reachability);
        MtaStsChecker mtaSts = new MtaStsChecker(dns,
                new PolicyFetcher(cas.sslContext(), options.httpsPort(), options.timeout(), clock), new PolicyCache(), clock);
        advisor = new RouteAdvisor(new RouteParts(dns, prober, ChainJudge.trusting(cas.certificates(), clock),
                new DaneVerifier(clock), mtaSts, KnownProviders.bundled(), reachability, store,
                lookups, clock, Duration.ofHours(24), Duration.ofMinutes(10)));
    }

    /**
     * Assembles an advisor for {@code options}.
     *
     * @param systemDns the resolver to ask when the options name none
     * @param cacheFile the verdict cache to use when the options name none
     * @throws UsageException naming the file or cache that cannot be used, and why
     */
    static AdvisorRuntime open(CheckOptions options, InetSocketAddress systemDns, Path cacheFile, String ehloName,
                               Clock clock) throws UsageException {
        List<X509Certificate> extra = new ArrayList<>();
        for (Path pem : options.trustCas()) {
            try {
                extra.addAll(TrustedCas.readFile(pem));
            } catch (IOException | CertificateException e) {
                throw new UsageException("setup.badCa", pem, e.getMessage());
            }
        }
        TrustAnchors anchors = TrustAnchors.ianaRoot();
        if (options.trustAnchor().isPresent()) {
            try {
                anchors = TrustAnchors.fromFile(options.trustAnchor().get());
            } catch (IOException e) {
                throw new UsageException("setup.badAnchor", options.trustAnchor().get(), e.getMessage());
            }
        }
        ValidatingDns dns;
        try {
            dns = new ValidatingDns(options.dns().orElse(systemDns), anchors, clock, min(options.timeout(), Duration.ofSeconds(5)));
        } catch (RuntimeException e) {
            throw new UsageException("setup.badAnchor", options.trustAnchor().map(Path::toString).orElse("root"), e.getMessage());
        }
        Path file = options.cache().orElse(cacheFile);
        SqliteVerdictStore store;
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            store = SqliteVerdictStore.open(file);
        } catch (IOException | SQLException e) {
            throw new UsageException("setup.badCache", file, e.getMessage());
        }
        return new AdvisorRuntime(store, dns, TrustedCas.systemPlus(extra), options, ehloName, clock);
    }

    RouteAdvisor advisor() {
        return advisor;
    }

    @Override
    public void close() {
        probes.shutdownNow();
        lookups.shutdownNow();
        try {
            store.close();
        } catch (SQLException e) {
            // Every write was already committed; a failing close loses nothing.
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
