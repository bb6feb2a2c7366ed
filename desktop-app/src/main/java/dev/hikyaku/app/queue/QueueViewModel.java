package dev.hikyaku.app.queue;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.shell.AppServices;
import dev.hikyaku.gateway.Gateway;
import dev.hikyaku.gateway.archive.ArchiveException;
import dev.hikyaku.gateway.events.GatewayEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The queue section's state: the messages in Hikyaku's hands by section, the counts (for the tray), and the
 * commands send now, cancel and save. Reloaded on every gateway event; loads run on the background executor, and
 * a burst of events causes one more load, not one each.
 */
public final class QueueViewModel {
    private final LiveText text;
    private final Supplier<Optional<Gateway>> gateway;
    private final Clock clock;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<QueueRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<QueueCounts> counts = new SimpleObjectProperty<>(this, "counts", QueueCounts.none());
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final Map<String, String> subjects = new ConcurrentHashMap<>();
    private boolean loading;
    private boolean again;

    /** A queue over {@code gateway} (empty until it runs). */
    public QueueViewModel(LiveText text, Supplier<Optional<Gateway>> gateway, Clock clock, Executor background,
                          Executor ui) {
        this.text = text;
        this.gateway = gateway;
        this.clock = clock;
        this.background = background;
        this.ui = ui;
    }

    /** The app's queue, reloaded on the gateway's events from now on. */
    public static QueueViewModel of(AppServices services) {
        QueueViewModel model = new QueueViewModel(services.text(), services.gateway()::gateway, services.clock(),
                services.background(), services.ui());
        services.events().subscribe(model::on);
        model.refresh();
        return model;
    }

    /** Reloads after any gateway event (called on the UI thread). */
    public void on(GatewayEvent event) {
        refresh();
    }

    /** Reloads the rows; while a load runs, one more follows it. */
    public void refresh() {
        if (loading) {
            again = true;
            return;
        }
        Optional<Gateway> running = gateway.get();
        this.running.set(running.isPresent());
        if (running.isEmpty()) {
            rows.clear();
            counts.set(QueueCounts.none());
            return;
        }
        loading = true;
        later(() -> {
            Runnable apply;
            try {
                List<QueueRow> loaded = QueueLoader.load(running.get(), clock.instant(), subjects);
                apply = () -> {
                    // Unchanged rows stay as they are, so the view keeps its nodes (and the keyboard focus).
                    if (!rows.equals(loaded)) {
                        rows.setAll(loaded);
                        counts.set(QueueCounts.of(loaded));
                    }
                };
            } catch (IOException | RuntimeException e) {
                apply = () -> problem.set(text.now(QueueKey.PROBLEM_FAILED, describe(e)));
            }
            Runnable done = apply;
            ui.execute(() -> {
                loading = false;
                done.run();
                if (again) {
                    again = false;
                    refresh();
                }
            });
        });
    }

    /** Releases what {@code row}'s message holds. */
    public void sendNow(QueueRow row) {
        run(running -> {
            boolean moved = running.sendNow(row.messageId());
            return text.now(moved ? QueueKey.RESULT_SENT_NOW : QueueKey.RESULT_NOTHING_TO_SEND);
        });
    }

    /** Cancels what has not left of {@code row}'s message (the view asked the user first). */
    public void cancel(QueueRow row) {
        run(running -> {
            int cancelled = running.cancel(row.messageId());
            return cancelled > 0 ? text.now(QueueKey.RESULT_CANCELLED, cancelled)
                    : text.now(QueueKey.RESULT_NOTHING_TO_CANCEL);
        });
    }

    /** Saves {@code row}'s message as an .eml file at {@code file}. */
    public void save(QueueRow row, Path file) {
        run(running -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                running.archive().exportEml(row.messageId(), out);
            }
            return text.now(QueueKey.RESULT_SAVED, file.toString());
        });
    }

    private void run(Command command) {
        Optional<Gateway> running = gateway.get();
        if (running.isEmpty()) {
            problem.set(text.now(QueueKey.PROBLEM_NO_GATEWAY));
            return;
        }
        notice.set("");
        problem.set("");
        later(() -> {
            Runnable result;
            try {
                String done = command.on(running.get());
                result = () -> notice.set(done);
            } catch (IOException | RuntimeException e) {
                result = () -> problem.set(text.now(QueueKey.PROBLEM_FAILED, describe(e)));
            }
            Runnable apply = result;
            ui.execute(() -> {
                apply.run();
                refresh();
            });
        });
    }

    /** Runs {@code work} in the background; when the app is quitting (the executor shut down) nothing runs. */
    private void later(Runnable work) {
        try {
            background.execute(work);
        } catch (RejectedExecutionException quitting) {
            loading = false;
        }
    }

    private String describe(Exception e) {
        if (e instanceof ArchiveException archive) {
            return archive.message(text.languageProperty().get().locale());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The messages, by section. */
    public ObservableList<QueueRow> rows() {
        return rows;
    }

    /** How many messages each section holds (for the tray). */
    public ReadOnlyObjectProperty<QueueCounts> countsProperty() {
        return counts;
    }

    /** Whether the gateway runs. */
    public BooleanProperty runningProperty() {
        return running;
    }

    /** What the last command did. */
    public StringProperty noticeProperty() {
        return notice;
    }

    /** What went wrong, empty when nothing did. */
    public StringProperty problemProperty() {
        return problem;
    }

    /** One command on the gateway; returns what to tell the user. */
    @FunctionalInterface
    private interface Command {
        String on(Gateway gateway) throws IOException;
    }
}
