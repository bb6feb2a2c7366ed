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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs the gateway inside the app: reads the configuration, opens the gateway off the UI thread, reports each
 * {@link GatewayState}, restarts it on a changed configuration, pauses it, and closes it when the app quits.
 * Queued mail is on disk, so a restart or a pause loses nothing: the next gateway resumes it.
 */
public final class GatewayRunner implements AutoCloseable {
    private final Path dataDirectory;
    private final Map<String, String> overrides;
    private final GatewayListener listener;
    private final Clock clock;
    private final Executor background;
    private final Consumer<GatewayState> onChange;
    private final List<Consumer<GatewayState>> watchers = new CopyOnWriteArrayList<>();
    // Held while a gateway opens or closes, so two never hold the data folder at once; state reads use `this`.
    private final Object lifecycle = new Object();
    private Gateway gateway;
    private GatewayState state;
    private long generation;
    private boolean closed;

    /**
     * A runner for the gateway of {@code dataDirectory} with single settings {@code overrides}; {@code onChange}
     * hears every state after the first of {@link #start()} (and every state of a restart or pause), on the
     * thread that caused it (the {@code background} thread, or the caller of {@link #restart()}).
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
        return begin(false);
    }

    /**
     * Stops the gateway (queued mail stays on disk) and starts it again on the configuration as it is now, e.g.
     * after the settings window rewrote gateway.conf. Blocks while the old gateway closes, so call it off the UI
     * thread. Returns the new first state, which {@code onChange} and the watchers hear too.
     */
    public GatewayState restart() {
        synchronized (lifecycle) {
            stopGateway();
            return begin(true);
        }
    }

    /**
     * Stops the gateway until {@link #restart()}: mail clients cannot submit meanwhile, queued mail waits on disk.
     * Blocks while the gateway closes. Without a known configuration (a mistake in the file) nothing changes.
     */
    public GatewayState pause() {
        synchronized (lifecycle) {
            GatewayState current = state();
            if (!(current instanceof GatewayState.Planned planned) || current instanceof GatewayState.Paused) {
                return current;
            }
            stopGateway();
            GatewayState paused = new GatewayState.Paused(planned.plan());
            synchronized (this) {
                report(paused);
            }
            return paused;
        }
    }

    /** The latest state; null before {@link #start()}. */
    public synchronized GatewayState state() {
        return state;
    }

    /** Calls {@code watcher} with every later state, on the thread that caused it; the handle unsubscribes. */
    public Runnable watch(Consumer<GatewayState> watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    /** The data folder this runner's gateway uses (gateway.conf, queue, archive). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The settings given on the command line, which win over gateway.conf. */
    public Map<String, String> overrides() {
        return overrides;
    }

    private GatewayState begin(boolean announce) {
        GatewaySettings settings;
        try {
            settings = GatewayConfiguration.read(Optional.empty(), overrides, dataDirectory);
        } catch (ConfigException e) {
            GatewayState bad = new GatewayState.BadConfiguration(e);
            synchronized (this) {
                if (announce) {
                    report(bad);
                } else {
                    state = bad;
                }
            }
            return bad;
        }
        GatewayPlan plan = GatewayPlan.of(settings);
        GatewayState first = new GatewayState.Starting(plan);
        long mine;
        synchronized (this) {
            mine = generation;
            if (announce) {
                report(first);
            } else {
                state = first;
            }
        }
        background.execute(() -> open(settings, plan, mine));
        return first;
    }

    private void open(GatewaySettings settings, GatewayPlan plan, long mine) {
        synchronized (lifecycle) {
            synchronized (this) {
                if (closed || mine != generation) {
                    return;
                }
            }
            GatewayState outcome;
            Gateway started = null;
            try {
                EngineSettings advisor = AdvisorSettings.forGateway(settings);
                started = Gateway.start(settings, advisor, listener, clock);
                outcome = new GatewayState.Running(plan.listeningOn(SubmissionAddress.preferred(started.addresses())),
                        started.certificateFingerprint());
            } catch (AlreadyRunningException e) {
                outcome = new GatewayState.AlreadyRunning(plan);
            } catch (IOException | CertificateException | RuntimeException e) {
                outcome = new GatewayState.CannotStart(plan, String.valueOf(e.getMessage()));
            }
            synchronized (this) {
                gateway = started;
                report(outcome);
            }
        }
    }

    /** Closes the running gateway, if any; later results of starts already under way are dropped. */
    private void stopGateway() {
        Gateway old;
        synchronized (this) {
            generation++;
            old = gateway;
            gateway = null;
        }
        if (old != null) {
            old.close();
        }
    }

    // Called holding `this`, so states are heard in the order they happened.
    private void report(GatewayState next) {
        state = next;
        onChange.accept(next);
        watchers.forEach(watcher -> watcher.accept(next));
    }

    /** The running gateway, once it runs. */
    public synchronized Optional<Gateway> gateway() {
        return Optional.ofNullable(gateway);
    }

    /** Stops the gateway (queued mail stays on disk for the next start). */
    @Override
    public void close() {
        synchronized (lifecycle) {
            synchronized (this) {
                closed = true;
            }
            stopGateway();
        }
    }
}
