package dev.hikyaku.app.shell;

import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.events.GatewayListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The gateway's events handed to the windows on the UI thread: the gateway calls {@link #on} from its own
 * threads, subscribers hear each event through {@code ui} (Platform::runLater in the app, a direct executor
 * in view-model tests).
 */
public final class FxEvents implements GatewayListener {
    private final Executor ui;
    private final List<Consumer<GatewayEvent>> subscribers = new CopyOnWriteArrayList<>();

    /** Events delivered through {@code ui}. */
    public FxEvents(Executor ui) {
        this.ui = ui;
    }

    /** Calls {@code subscriber} with every later event, on the UI thread; the returned handle unsubscribes. */
    public Runnable subscribe(Consumer<GatewayEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    @Override
    public void on(GatewayEvent event) {
        ui.execute(() -> subscribers.forEach(subscriber -> subscriber.accept(event)));
    }
}
