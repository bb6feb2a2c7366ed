package dev.hikyaku.app.tray;

import dev.hikyaku.app.gateway.GatewayRunner;
import dev.hikyaku.app.gateway.GatewayState;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.shell.FxEvents;
import dev.hikyaku.gateway.events.GatewayEvent;
import java.util.concurrent.Executor;

/**
 * Feeds a {@link TraySurface} on the UI thread: the gateway's state and held-mail count as lines in the current
 * language, and a notification for each event {@link TrayDecisions} picks. The queue is read in the background.
 */
public final class TrayController {
    private final LiveText text;
    private final GatewayRunner runner;
    private final FxEvents events;
    private final Executor background;
    private final Executor ui;
    private final TrayDecisions decisions;
    private final TraySurface surface;
    private GatewayState state;
    private int held;

    /** A controller speaking through {@code text} to {@code surface}. */
    public TrayController(LiveText text, GatewayRunner runner, FxEvents events, Executor background, Executor ui,
                          TrayDecisions decisions, TraySurface surface) {
        this.text = text;
        this.runner = runner;
        this.events = events;
        this.background = background;
        this.ui = ui;
        this.decisions = decisions;
        this.surface = surface;
    }

    /** Starts listening; call on the UI thread. */
    public void start() {
        state = runner.state();
        events.subscribe(this::on);
        runner.watch(next -> ui.execute(() -> {
            state = next;
            recount();
            refresh();
        }));
        text.languageProperty().addListener((observable, before, after) -> refresh());
        refresh();
        recount();
    }

    private void on(GatewayEvent event) {
        decisions.notice(event).ifPresent(notice -> surface.notify(text.now(notice.title()),
                text.now(notice.body(), notice.arguments().toArray()), notice.severity()));
        if (TrayDecisions.changesCount(event)) {
            recount();
        }
    }

    private void recount() {
        background.execute(() -> runner.gateway().ifPresent(gateway -> {
            int count = TrayDecisions.heldCount(gateway.queue());
            ui.execute(() -> {
                held = count;
                refresh();
            });
        }));
    }

    private void refresh() {
        String address = state instanceof GatewayState.Planned planned ? planned.plan().submission().hostAndPort()
                : "";
        String status = text.now(TrayDecisions.status(state), address);
        surface.show(new TrayLines(text.now(TrayText.TOOLTIP, status, held), status,
                text.now(TrayText.HELD_COUNT, held),
                text.now(TrayDecisions.paused(state) ? TrayText.RESUME : TrayText.PAUSE),
                text.now(TrayText.OPEN), text.now(TrayText.QUIT), state instanceof GatewayState.Running));
    }
}
