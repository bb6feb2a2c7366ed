package dev.hikyaku.app.review;

import dev.hikyaku.app.shell.AppServices;
import dev.hikyaku.gateway.events.GatewayEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The review windows, one per message: a window comes forward when a message is held or waits for the sender
 * (or its time passed, or a fresh passphrase was issued for it), is reused while open, and closes when the
 * message is finished, unless it shows a passphrase the sender still has to pass on. Used on the UI thread.
 */
public final class ReviewWindows {
    private final ReviewContext context;
    private final ReviewDialogs dialogs;
    private final DraftTarget drafts;
    private final Map<String, Opened> open = new LinkedHashMap<>();

    /** Windows over {@code context}; "back to draft" saves where {@code drafts} says. */
    public ReviewWindows(ReviewContext context, DraftTarget drafts) {
        this.context = context;
        this.dialogs = new ReviewDialogs(context.text());
        this.drafts = drafts;
    }

    /** The app's review windows, following the gateway's events from now on. */
    public static ReviewWindows start(AppServices services) {
        ReviewWindows windows = new ReviewWindows(ReviewContext.of(services), new EmlFileChooser(services.text()));
        services.events().subscribe(windows::on);
        return windows;
    }

    /** Reacts to one gateway event (on the UI thread). */
    public void on(GatewayEvent event) {
        Optional<String> id = EventMessages.idOf(event);
        if (id.isEmpty()) {
            return;
        }
        if (event instanceof GatewayEvent.Held || event instanceof GatewayEvent.AwaitingSender
                || event instanceof GatewayEvent.Overdue) {
            open(id.get());
            return;
        }
        if (event instanceof GatewayEvent.PassphraseIssued issued) {
            open(id.get());
            open.get(id.get()).model().passphraseIssued(issued.recipients());
            return;
        }
        Opened window = open.get(id.get());
        if (window == null) {
            return;
        }
        if (event instanceof GatewayEvent.Finished && !window.model().holdsPassphrase()) {
            window.stage().close();
        } else {
            window.model().refresh();
        }
    }

    /** Brings the review of {@code messageId} forward, opening it if it is not open. */
    public void open(String messageId) {
        Opened window = open.get(messageId);
        if (window == null) {
            window = create(messageId);
            open.put(messageId, window);
        }
        window.model().refresh();
        window.stage().show();
        window.stage().toFront();
    }

    /** The window of {@code messageId}, while it is open. */
    public Optional<Stage> stage(String messageId) {
        return Optional.ofNullable(open.get(messageId)).map(Opened::stage);
    }

    private Opened create(String messageId) {
        ReviewViewModel model = new ReviewViewModel(messageId, context);
        Stage stage = new Stage();
        ReviewView view = new ReviewView(context.text(), model, dialogs, drafts, stage::close);
        stage.setScene(new Scene(view.content(), 760, 720));
        stage.titleProperty().bind(model.titleProperty());
        Timeline ticks = new Timeline(new KeyFrame(Duration.seconds(1), event -> model.tick()));
        ticks.setCycleCount(Animation.INDEFINITE);
        stage.setOnShown(event -> ticks.play());
        stage.setOnHidden(event -> {
            ticks.stop();
            model.dispose();
            open.remove(messageId);
        });
        return new Opened(stage, model);
    }

    /** An open review. */
    private record Opened(Stage stage, ReviewViewModel model) {
    }
}
