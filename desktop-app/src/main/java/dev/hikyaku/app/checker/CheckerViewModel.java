package dev.hikyaku.app.checker;

import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.Localized;
import dev.hikyaku.gateway.config.ConfigException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The TLS checker's state: the typed domains, a row per entry that fills in as its verdict arrives, and a status
 * line with the progress. Checks run through {@code background}; results come back through {@code ui}.
 */
public final class CheckerViewModel {
    private final LiveText text;
    private final DomainChecker checker;
    private final Executor background;
    private final Executor ui;
    private final StringProperty input = new SimpleStringProperty(this, "input", "");
    private final BooleanProperty fresh = new SimpleBooleanProperty(this, "fresh", false);
    private final ObservableList<CheckRow> rows = FXCollections.observableArrayList();
    // One read-only view, kept: a fresh wrapper per call would be collected with the listeners added to it.
    private final ObservableList<CheckRow> shownRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyBooleanWrapper probing = new ReadOnlyBooleanWrapper(this, "probing");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");

    /** A checker asking {@code checker}, speaking through {@code text}. */
    public CheckerViewModel(LiveText text, DomainChecker checker, Executor background, Executor ui) {
        this.text = text;
        this.checker = checker;
        this.background = background;
        this.ui = ui;
        status.bind(text.text(CheckerText.STATUS_IDLE));
    }

    /** The domains or addresses as typed. */
    public StringProperty inputProperty() {
        return input;
    }

    /** Whether to probe again instead of using a saved verdict. */
    public BooleanProperty freshProperty() {
        return fresh;
    }

    /** A row per entry of the last check, in the order typed. */
    public ObservableList<CheckRow> rows() {
        return shownRows;
    }

    /** Whether any check of the last round is still running. */
    public ReadOnlyBooleanProperty probingProperty() {
        return probing.getReadOnlyProperty();
    }

    /** How the last round stands, e.g. "Checking… 1 of 3 domains done." */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Checks every entry typed: their rows appear at once and fill in as the verdicts arrive. */
    public void check() {
        List<DomainInput.Entry> entries = DomainInput.parse(input.get());
        List<CheckRow> round = entries.stream().map(entry -> new CheckRow(text, entry)).toList();
        rows.setAll(round);
        if (round.isEmpty()) {
            status.bind(text.text(CheckerText.STATUS_NOTHING));
            return;
        }
        boolean again = fresh.get();
        for (CheckRow row : round) {
            if (row.stateProperty().get() instanceof CheckRow.Probing probe) {
                background.execute(() -> ask(probe, again).whenComplete(
                        (report, failure) -> ui.execute(() -> done(row, report, failure))));
            }
        }
        showProgress();
    }

    private CompletableFuture<DomainReport> ask(CheckRow.Probing probe, boolean again) {
        try {
            return checker.check(probe.domain(), again);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void done(CheckRow row, DomainReport report, Throwable failure) {
        if (report != null) {
            row.finish(report);
        } else {
            row.fail(why(failure));
        }
        showProgress();
    }

    private void showProgress() {
        long checked = rows.stream().filter(row -> row.level().isPresent()
                || row.stateProperty().get() instanceof CheckRow.Failed).count();
        long total = rows.stream().filter(row -> !(row.stateProperty().get() instanceof CheckRow.Invalid)).count();
        boolean running = rows.stream().anyMatch(CheckRow::probing);
        probing.set(running);
        status.bind(running ? text.text(CheckerText.STATUS_PROBING, checked, total)
                : text.text(CheckerText.STATUS_DONE, total));
    }

    private Localized why(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ConfigException config) {
            return config::message;
        }
        String detail = String.valueOf(cause.getMessage());
        return locale -> detail;
    }
}
