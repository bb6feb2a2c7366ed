package dev.hikyaku.app.checker;

import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.advisor.route.AdvisorEngine;
import dev.hikyaku.advisor.route.EngineSettings;
import dev.hikyaku.advisor.route.RecipientDomain;
import dev.hikyaku.advisor.store.SqliteVerdictStore;
import dev.hikyaku.advisor.store.VerdictStore;
import dev.hikyaku.gateway.config.GatewaySettings;
import dev.hikyaku.gateway.launch.AdvisorSettings;
import dev.hikyaku.gateway.launch.GatewayConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The gateway's own verdict engine, built from the user's configuration (its DNS server, trusted CAs) on first
 * use and sharing the gateway's verdict cache ({@code verdicts.db}), so the checker and the gateway agree.
 */
public final class EngineChecker implements DomainChecker {
    private final Supplier<Parts> parts;
    private final Clock clock;
    private AdvisorEngine engine;
    private VerdictStore opened;
    private boolean closed;

    /**
     * What an engine is made of: where it looks and the cache it keeps verdicts in (closed with the checker).
     *
     * @param settings the engine's endpoints and trust
     * @param store    the verdict cache
     */
    public record Parts(EngineSettings settings, VerdictStore store) {
    }

    /** A checker whose engine is made of {@code parts} when first needed (they may throw; the check then fails). */
    public EngineChecker(Supplier<Parts> parts, Clock clock) {
        this.parts = parts;
        this.clock = clock;
    }

    /** The checker for the user of {@code dataDirectory}: their configuration, their gateway's verdict cache. */
    public static EngineChecker forDataDirectory(Path dataDirectory, Clock clock) {
        return new EngineChecker(() -> configured(dataDirectory), clock);
    }

    @Override
    public CompletableFuture<DomainReport> check(RecipientDomain domain, boolean fresh) {
        try {
            return engine().advisor().check(domain, fresh);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private synchronized AdvisorEngine engine() {
        if (closed) {
            throw new IllegalStateException("the checker is closed");
        }
        if (engine == null) {
            Parts made = parts.get();
            opened = made.store();
            engine = new AdvisorEngine(made.settings(), opened, clock);
        }
        return engine;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (engine != null) {
            engine.close();
        }
        if (opened instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Closing a read cache at exit: nothing is lost, and nobody is left to tell.
            }
        }
    }

    /** The engine the gateway of {@code dataDirectory} builds, with the cache where that gateway keeps it. */
    private static Parts configured(Path dataDirectory) {
        GatewaySettings gateway = GatewayConfiguration.read(Optional.empty(), Map.of(), dataDirectory);
        try {
            EngineSettings settings = AdvisorSettings.forGateway(gateway);
            Files.createDirectories(gateway.dataDirectory());
            return new Parts(settings, SqliteVerdictStore.open(gateway.dataDirectory().resolve("verdicts.db")));
        } catch (IOException | CertificateException | SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
