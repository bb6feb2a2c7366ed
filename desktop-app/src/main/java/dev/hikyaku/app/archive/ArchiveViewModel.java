package dev.hikyaku.app.archive;

import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.Localized;
import dev.hikyaku.gateway.archive.Archive;
import dev.hikyaku.gateway.archive.ArchiveEntry;
import dev.hikyaku.gateway.archive.ArchiveException;
import dev.hikyaku.gateway.archive.ArchivedMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The archive browser's state: the search words and filters, the messages found and the one opened. Every change
 * of the search starts a query after a short pause ({@code searchStart}, so typing is not a query per key);
 * queries run on {@code background} and only the latest one's result is shown.
 */
public final class ArchiveViewModel {
    /** The most messages one search shows. */
    static final int PAGE = 200;

    private final LiveText text;
    private final Supplier<Optional<Archive>> archive;
    private final Executor searchStart;
    private final Executor background;
    private final Executor ui;
    private final ZoneId zone;
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> until = new SimpleObjectProperty<>(this, "until");
    private final StringProperty domain = new SimpleStringProperty(this, "domain", "");
    private final ObjectProperty<Optional<Level>> level = new SimpleObjectProperty<>(this, "level", Optional.empty());
    private final ObservableList<ArchiveEntry> results = FXCollections.observableArrayList();
    private final ObservableList<ArchiveEntry> shownResults = FXCollections.unmodifiableObservableList(results);
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObjectProperty<ArchiveEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<MessageDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(this, "opening");
    private final ReadOnlyStringWrapper exportStatus = new ReadOnlyStringWrapper(this, "exportStatus", "");
    // Bumped on the UI thread by every new search or selection; work started for an older one is dropped.
    private final AtomicLong searchGeneration = new AtomicLong();
    private final AtomicLong openGeneration = new AtomicLong();

    /**
     * A browser of the archive {@code archive} supplies (empty while the gateway is not running), days counted in
     * {@code zone}; {@code searchStart} runs a search after the typing pause, {@code background} opens messages
     * and writes files, {@code ui} hands results back.
     */
    public ArchiveViewModel(LiveText text, Supplier<Optional<Archive>> archive, Executor searchStart,
                            Executor background, Executor ui, ZoneId zone) {
        this.text = text;
        this.archive = archive;
        this.searchStart = searchStart;
        this.background = background;
        this.ui = ui;
        this.zone = zone;
        search.addListener((observable, before, after) -> refresh());
        from.addListener((observable, before, after) -> refresh());
        until.addListener((observable, before, after) -> refresh());
        domain.addListener((observable, before, after) -> refresh());
        level.addListener((observable, before, after) -> refresh());
        selected.addListener((observable, before, after) -> open(after));
    }

    /** The words typed into the search field. */
    public StringProperty searchProperty() {
        return search;
    }

    /** The first day of the range, or null for no lower bound. */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** The last day of the range (included), or null for no upper bound. */
    public ObjectProperty<LocalDate> untilProperty() {
        return until;
    }

    /** A recipient domain to narrow to, blank for any. */
    public StringProperty domainProperty() {
        return domain;
    }

    /** A verdict level to narrow to, empty for any. */
    public ObjectProperty<Optional<Level>> levelProperty() {
        return level;
    }

    /** The messages found by the latest search, newest first. */
    public ObservableList<ArchiveEntry> results() {
        return shownResults;
    }

    /** Whether a search is under way. */
    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** How the search stands: how many found, not running, failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The message to open (the view sets it from the table's selection). */
    public ObjectProperty<ArchiveEntry> selectedProperty() {
        return selected;
    }

    /** The opened message, null while none is. */
    public ReadOnlyObjectProperty<MessageDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** Whether the selected message is being read. */
    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** What became of the last export. */
    public ReadOnlyStringProperty exportStatusProperty() {
        return exportStatus.getReadOnlyProperty();
    }

    /** Clears the words and every filter. */
    public void clear() {
        search.set("");
        from.set(null);
        until.set(null);
        domain.set("");
        level.set(Optional.empty());
    }

    /** The search as it stands now. */
    public ArchiveFilter filter() {
        return new ArchiveFilter(search.get(), Optional.ofNullable(from.get()), Optional.ofNullable(until.get()),
                domain.get(), level.get());
    }

    /** Runs the current search again (after the pause), e.g. when the gateway starts or new mail arrives. */
    public void refresh() {
        long generation = searchGeneration.incrementAndGet();
        ArchiveFilter filter = filter();
        searching.set(true);
        bindStatus(ArchiveText.STATUS_SEARCHING);
        searchStart.execute(() -> {
            if (generation == searchGeneration.get()) {
                search(generation, filter);
            }
        });
    }

    private void search(long generation, ArchiveFilter filter) {
        Optional<Archive> open = archive.get();
        if (open.isEmpty()) {
            ui.execute(() -> showResults(generation, List.of(), ArchiveText.STATUS_NOT_RUNNING));
            return;
        }
        try {
            List<ArchiveEntry> found = open.get().search(filter.query(zone, PAGE));
            ui.execute(() -> showResults(generation, found, null));
        } catch (ArchiveException e) {
            ui.execute(() -> failed(generation, e::message));
        } catch (RuntimeException e) {
            String detail = String.valueOf(e.getMessage());
            ui.execute(() -> failed(generation, locale -> detail));
        }
    }

    private void showResults(long generation, List<ArchiveEntry> found, ArchiveText problem) {
        if (generation != searchGeneration.get()) {
            return;
        }
        searching.set(false);
        results.setAll(found);
        if (problem != null) {
            bindStatus(problem);
        } else if (found.size() >= PAGE) {
            bindStatus(ArchiveText.STATUS_MORE, found.size());
        } else {
            bindStatus(ArchiveText.STATUS_COUNT, found.size());
        }
    }

    private void failed(long generation, Localized why) {
        if (generation != searchGeneration.get()) {
            return;
        }
        searching.set(false);
        results.clear();
        bindStatus(ArchiveText.STATUS_FAILED, why);
    }

    private void open(ArchiveEntry entry) {
        long generation = openGeneration.incrementAndGet();
        details.set(null);
        exportStatus.unbind();
        exportStatus.set("");
        if (entry == null) {
            opening.set(false);
            return;
        }
        opening.set(true);
        background.execute(() -> {
            Optional<MessageDetails> read = read(entry.id());
            ui.execute(() -> {
                if (generation == openGeneration.get()) {
                    opening.set(false);
                    details.set(read.orElse(null));
                }
            });
        });
    }

    private Optional<MessageDetails> read(String id) {
        try {
            Optional<Archive> open = archive.get();
            if (open.isEmpty()) {
                return Optional.empty();
            }
            Optional<ArchivedMessage> message = open.get().find(id);
            return message.map(MessageDetails::of);
        } catch (IOException | RuntimeException e) {
            // Gone or unreadable since the search: the view shows nothing opened, the next search tells why.
            return Optional.empty();
        }
    }

    /** Writes the opened message as submitted to {@code target}, in the background. */
    public void exportOriginal(Path target) {
        export(target, (open, id, out) -> open.exportEml(id, out));
    }

    /** Writes the opened message's copy {@code label}, as it was sent, to {@code target}, in the background. */
    public void exportCopy(String label, Path target) {
        export(target, (open, id, out) -> open.exportVariant(id, label, out));
    }

    /** One way to write a message out. */
    @FunctionalInterface
    private interface Export {
        void write(Archive archive, String id, OutputStream out) throws IOException;
    }

    private void export(Path target, Export export) {
        MessageDetails shown = details.get();
        if (shown == null) {
            return;
        }
        String id = shown.message().id();
        background.execute(() -> {
            Localized outcome = write(target, id, export);
            ui.execute(() -> {
                exportStatus.unbind();
                exportStatus.bind(text.text(outcome == null ? ArchiveText.EXPORT_DONE : ArchiveText.EXPORT_FAILED,
                        outcome == null ? target.toString() : outcome));
            });
        });
    }

    /** Writes beside the target first, so a failed export never leaves half a file under the chosen name. */
    private Localized write(Path target, String id, Export export) {
        Optional<Archive> open = archive.get();
        if (open.isEmpty()) {
            return locale -> text.now(ArchiveText.STATUS_NOT_RUNNING);
        }
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                export.write(open.get(), id, out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            return null;
        } catch (ArchiveException e) {
            deleteQuietly(partial);
            return e::message;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial);
            String detail = String.valueOf(e.getMessage());
            return locale -> detail;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The export already failed; that is what the user is told.
        }
    }

    private void bindStatus(ArchiveText key, Object... arguments) {
        status.unbind();
        status.bind(text.text(key, arguments));
    }
}
