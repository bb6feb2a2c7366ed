package dev.hikyaku.app.gateway;

import dev.hikyaku.advisor.route.EngineSettings;
import dev.hikyaku.gateway.AlreadyRunningException;
import dev.hikyaku.gateway.Gateway;
import dev.hikyaku.gateway.config.ConfigException;
import dev.hikyaku.gateway.config.GatewaySettings;
import dev.hikyaku.gateway.events.GatewayListener;
import dev.hikyaku.gateway.launch.AdvisorSettings;
import dev.hikyaku.gateway.launch.GatewayConfiguration;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs the gateway inside the app: reads the configuration, opens the gateway off the UI thread, reports each
 * {@link GatewayState} and closes the gateway when the app quits.
 */
public final class GatewayRunner implements AutoCloseable {
    private final Path dataDirectory;
    private final Map<String, String> overrides;
    private final GatewayListener listener;
    private final Clock clock;
    private final Executor background;
    private final Consumer<GatewayState> onChange;
    private Gateway gateway;
    private boolean closed;

    /**
     * A runner for the gateway of {@code dataDirectory} with single settings {@code overrides}; {@code onChange}
     * hears every state after the first, on the {@code background} thread.
     */
    public GatewayRunner(Path dataDirectory, Map<String, String> overrides, GatewayListener listener, Clock clock,
                         Executor background, Consumer<GatewayState> onChange) {
        this.dataDirectory = dataDirectory;
        this.overrides = Map.copyOf(overrides);
        this.listener = listener;
        this.clock = clock;
        this.background = background;
        this.onChange = onChange;
    }

    /** Reads the configuration (a small file) and starts the gateway in the background; returns the first state. */
    public GatewayState start() {
        GatewaySettings settings;
        try {
            settings = GatewayConfiguration.read(Optional.empty(), overrides, dataDirectory);
        } catch (ConfigException e) {
            return new GatewayState.BadConfiguration(e);
        }
        GatewayPlan plan = GatewayPlan.of(settings);
        background.execute(() -> onChange.accept(open(settings, plan)));
        return new GatewayState.Starting(plan);
    }

    private GatewayState open(GatewaySettings settings, GatewayPlan plan) {
        try {
            EngineSettings advisor = AdvisorSettings.forGateway(settings);
            Gateway started = Gateway.start(settings, advisor, listener, clock);
            synchronized (this) {
                if (closed) {
                    started.close();
                    return new GatewayState.CannotStart(plan, "closed");
                }
                gateway = started;
            }
            return new GatewayState.Running(plan.listeningOn(SubmissionAddress.preferred(started.addresses())),
                    started.certificateFingerprint());
        } catch (AlreadyRunningException e) {
            return new GatewayState.AlreadyRunning(plan);
        } catch (IOException | CertificateException | RuntimeException e) {
            return new GatewayState.CannotStart(plan, String.valueOf(e.getMessage()));
        }
    }

    /** The running gateway, once it runs. */
    public synchronized Optional<Gateway> gateway() {
        return Optional.ofNullable(gateway);
    }

    /** Stops the gateway (queued mail stays on disk for the next start). */
    @Override
    public synchronized void close() {
        closed = true;
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }
}
