package dev.hikyaku.advisor.cli;

import dev.hikyaku.advisor.certificate.TrustedCas;
import dev.hikyaku.advisor.dnssec.TrustAnchors;
import dev.hikyaku.advisor.route.AdvisorEngine;
import dev.hikyaku.advisor.route.EngineSettings;
import dev.hikyaku.advisor.route.RouteAdvisor;
import dev.hikyaku.advisor.store.SqliteVerdictStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** One run's advisor engine and verdict cache file, released on close. */
final class AdvisorRuntime implements AutoCloseable {
    private final SqliteVerdictStore store;
    private final AdvisorEngine engine;

    private AdvisorRuntime(SqliteVerdictStore store, AdvisorEngine engine) {
        this.store = store;
        this.engine = engine;
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
        EngineSettings settings = new EngineSettings(options.dns().orElse(systemDns), anchors,
                TrustedCas.systemPlus(extra), options.smtpPort(), options.httpsPort(), options.timeout(), ehloName);
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
        try {
            return new AdvisorRuntime(store, new AdvisorEngine(settings, store, clock));
        } catch (IllegalArgumentException e) {
            closeQuietly(store);
            throw new UsageException("setup.badAnchor", options.trustAnchor().map(Path::toString).orElse("root"),
                    e.getMessage());
        }
    }

    RouteAdvisor advisor() {
        return engine.advisor();
    }

    @Override
    public void close() {
        engine.close();
        closeQuietly(store);
    }

    private static void closeQuietly(SqliteVerdictStore store) {
        try {
            store.close();
        } catch (SQLException e) {
            // Every write was already committed; a failing close loses nothing.
        }
    }
}
