package dev.hikyaku.app.review;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.gateway.Gateway;
import dev.hikyaku.gateway.archive.ArchiveException;
import dev.hikyaku.gateway.mime.MessageSummary;
import dev.hikyaku.gateway.packaging.passphrase.AgreedPassphrase;
import dev.hikyaku.gateway.plan.GroupAction;
import dev.hikyaku.gateway.plan.PlanChangeRefusedException;
import dev.hikyaku.gateway.queue.QueueEntry;
import dev.hikyaku.gateway.queue.RecipientState;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The review of one message: its groups with verdicts and actions, attachments, confirmations, warnings, the
 * countdown to the hold's end, and the sender's commands (change an action, tick, send now, cancel, back to
 * draft). Gateway calls run on the background executor; every property changes on the UI executor.
 */
public final class ReviewViewModel {
    private static final Set<RecipientState> CANCELLABLE = Set.of(RecipientState.ACCEPTED, RecipientState.AWAITING,
            RecipientState.HELD, RecipientState.OVERDUE);
    private static final String UNKNOWN_CONFIRMER = "hikyaku";

    private final String messageId;
    private final ReviewContext context;
    private final LiveText text;
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty subject = new SimpleStringProperty(this, "subject", "");
    private final StringProperty from = new SimpleStringProperty(this, "from", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringProperty countdown = new SimpleStringProperty(this, "countdown", "");
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final ObjectProperty<ReviewState> state = new SimpleObjectProperty<>(this, "state", ReviewState.LOADING);
    private final BooleanProperty sendNowAllowed = new SimpleBooleanProperty(this, "sendNowAllowed");
    private final BooleanProperty cancelAllowed = new SimpleBooleanProperty(this, "cancelAllowed");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ObservableList<AttachmentRow> attachments = FXCollections.observableArrayList();
    private final ObservableList<WarningRow> warnings = FXCollections.observableArrayList();
    private final ObservableList<PassphraseRow> passphrases = FXCollections.observableArrayList();
    private final PlanRows plan;
    private final InvalidationListener relabel = language -> render();
    private Optional<QueueEntry> entry = Optional.empty();
    private Optional<Instant> holdEnd = Optional.empty();
    private boolean warningsDone;
    private boolean summaryLoaded;
    private long generation;
    private int loading;
    private int passphrasesComing;

    /** The review of message {@code messageId}; call {@link #refresh()} to load it. */
    public ReviewViewModel(String messageId, ReviewContext context) {
        this.messageId = messageId;
        this.context = context;
        this.text = context.text();
        this.plan = new PlanRows(text);
        text.languageProperty().addListener(relabel);
        render();
    }

    /** The message under review. */
    public String messageId() {
        return messageId;
    }

    /** Loads the message again (after an event about it, or a command). */
    public void refresh() {
        Optional<Gateway> gateway = context.gateway().get();
        if (gateway.isEmpty()) {
            return;
        }
        long requested = ++generation;
        boolean withWarnings = !warningsDone;
        loading++;
        later(() -> {
            Runnable apply;
            try {
                ReviewSnapshot snapshot = ReviewLoader.load(gateway.get(), context.reports(), messageId, withWarnings);
                apply = () -> {
                    if (requested == generation) {
                        apply(snapshot);
                    }
                };
            } catch (IOException | RuntimeException e) {
                apply = () -> problem.set(text.now(ReviewKey.PROBLEM_FAILED, describe(e)));
            }
            Runnable done = apply;
            context.ui().execute(() -> {
                loading--;
                done.run();
            });
        });
    }

    /** Moves the countdown on; the view calls it every second. A message the archive did not hold yet is asked for again. */
    public void tick() {
        render();
        if (!summaryLoaded && loading == 0 && !state.get().settled()) {
            refresh();
        }
    }

    /** The sender picks {@code action} for {@code row}'s group (the view offers only the choices policy allows). */
    public void choose(GroupRow row, GroupAction action) {
        if (action.equals(row.actionProperty().get())) {
            return;
        }
        run(gateway -> {
            try {
                gateway.choose(messageId, row.index(), action);
                return () -> row.actionProperty().set(action);
            } catch (PlanChangeRefusedException e) {
                return () -> problem.set(text.now(ReviewKey.PROBLEM_REFUSED, row.domain()));
            }
        });
    }

    /** The sender ticks one item. */
    public void confirm(ConfirmRow row) {
        String by = entry.map(queued -> queued.message().sender()).filter(sender -> !sender.isBlank())
                .orElse(UNKNOWN_CONFIRMER);
        // Ticked at once, so the box cannot be ticked twice; taken back if the gateway does not take it.
        row.tickedProperty().set(true);
        run(gateway -> {
            gateway.confirm(messageId, row.item(), by);
            return () -> { };
        }, () -> row.tickedProperty().set(false));
    }

    /** Releases what is held at once. */
    public void sendNow() {
        run(gateway -> {
            boolean moved = gateway.sendNow(messageId);
            return () -> notice.set(text.now(moved ? ReviewKey.RESULT_SENT_NOW : ReviewKey.RESULT_NOTHING_TO_SEND));
        });
    }

    /** Cancels whatever has not left yet (the view asked the sender first). */
    public void cancel() {
        run(gateway -> {
            int cancelled = gateway.cancel(messageId);
            return () -> notice.set(cancelled(cancelled));
        });
    }

    /** Saves the original as an .eml file at {@code file}, then cancels the message; nothing is cancelled if saving fails. */
    public void backToDraft(Path file) {
        run(gateway -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                gateway.archive().exportEml(messageId, out);
            }
            int cancelled = gateway.cancel(messageId);
            return () -> notice.set(text.now(ReviewKey.RESULT_SAVED, file.toString()) + " " + cancelled(cancelled));
        });
    }

    /** A fresh passphrase protects the zip to {@code recipients}: fetch it to show it to the sender. */
    public void passphraseIssued(List<String> recipients) {
        if (recipients.isEmpty()) {
            return;
        }
        passphrasesComing++;
        run(gateway -> {
            Optional<AgreedPassphrase> agreed = gateway.passphrases().lookup(recipients.get(0));
            if (agreed.isEmpty()) {
                return () -> passphrasesComing--;
            }
            char[] chars = agreed.get().passphrase().chars();
            String shown = new String(chars);
            Arrays.fill(chars, '\0');
            agreed.get().passphrase().clear();
            return () -> {
                passphrasesComing--;
                passphrases.add(new PassphraseRow(recipients, shown));
            };
        }, () -> passphrasesComing--);
    }

    /** Whether the review shows (or is fetching) a passphrase the sender has to pass on, so it must stay open. */
    public boolean holdsPassphrase() {
        return passphrasesComing > 0 || !passphrases.isEmpty();
    }

    /** The window closed: forget the passphrases shown and stop following the language. */
    public void dispose() {
        passphrases.clear();
        text.languageProperty().removeListener(relabel);
    }

    private String cancelled(int count) {
        return count > 0 ? text.now(ReviewKey.RESULT_CANCELLED, count) : text.now(ReviewKey.RESULT_NOTHING_TO_CANCEL);
    }

    private void run(GatewayWork work) {
        run(work, () -> { });
    }

    /**
     * Work on the gateway in the background; its result (a change of properties) and a reload follow on the UI
     * thread, or {@code undo} and the problem when it fails.
     */
    private void run(GatewayWork work, Runnable undo) {
        Optional<Gateway> gateway = context.gateway().get();
        if (gateway.isEmpty()) {
            undo.run();
            problem.set(text.now(ReviewKey.PROBLEM_NO_GATEWAY));
            return;
        }
        busy.set(true);
        problem.set("");
        notice.set("");
        later(() -> {
            Runnable result;
            try {
                result = work.on(gateway.get());
            } catch (IOException | RuntimeException e) {
                result = () -> {
                    undo.run();
                    problem.set(text.now(ReviewKey.PROBLEM_FAILED, describe(e)));
                };
            }
            Runnable done = result;
            context.ui().execute(() -> {
                busy.set(false);
                done.run();
                refresh();
            });
        });
    }

    /** Runs {@code work} in the background; when the app is quitting (the executor shut down) nothing runs. */
    private void later(Runnable work) {
        try {
            context.background().execute(work);
        } catch (RejectedExecutionException quitting) {
            loading = 0;
            busy.set(false);
        }
    }

    private void apply(ReviewSnapshot snapshot) {
        entry = snapshot.entry();
        Instant now = context.clock().instant();
        state.set(ReviewState.of(snapshot.entry(), snapshot.archived(), now));
        holdEnd = snapshot.entry().flatMap(queued -> ReviewState.holdEnd(queued.recipients(), now));
        Optional<MessageSummary> summary = snapshot.archived().map(archived -> archived.summary());
        if (summary.isPresent() && !summaryLoaded) {
            summaryLoaded = true;
            subject.set(summary.get().subject());
            from.set(summary.get().from().stream().map(PlanRows::shown).reduce((a, b) -> a + ", " + b)
                    .orElse(snapshot.archived().get().envelopeSender()));
            attachments.setAll(summary.get().attachments().stream().map(attachment -> new AttachmentRow(
                    attachment.fileName().isEmpty() ? attachment.position() : attachment.fileName(),
                    ByteSize.of(attachment.decodedSize()), attachment.contentType(), attachment.inline())).toList());
        } else if (!summaryLoaded) {
            from.set(snapshot.entry().map(queued -> queued.message().sender()).orElse(""));
        }
        snapshot.plan().ifPresent(found -> plan.show(found, snapshot.reports(), summary));
        snapshot.warnings().ifPresent(found -> {
            warningsDone = true;
            warnings.setAll(found.stream().map(warning -> new WarningRow(warning, text)).toList());
        });
        boolean waiting = snapshot.entry().isPresent() && !state.get().settled();
        sendNowAllowed.set(waiting && snapshot.entry().get().recipients().stream().anyMatch(recipient ->
                recipient.state() == RecipientState.HELD || recipient.state() == RecipientState.OVERDUE));
        cancelAllowed.set(waiting && snapshot.entry().get().recipients().stream()
                .anyMatch(recipient -> CANCELLABLE.contains(recipient.state())));
        plan.changeable(waiting);
        render();
    }

    /** The texts that follow the state and the clock, in the current language. */
    private void render() {
        String shownSubject = subject.get().isBlank() ? text.now(ReviewKey.SUBJECT_NONE) : subject.get();
        title.set(text.now(ReviewKey.WINDOW_TITLE, shownSubject));
        status.set(state.get() == ReviewState.RETRYING
                ? text.now(ReviewKey.STATE_RETRYING, entry.map(queued -> queued.recipients().stream()
                        .mapToInt(recipient -> recipient.attempts()).max().orElse(0) + 1).orElse(1))
                : text.now(state.get().text()));
        Instant now = context.clock().instant();
        countdown.set(holdEnd.filter(end -> end.isAfter(now) && !state.get().settled())
                .map(end -> text.now(ReviewKey.COUNTDOWN, Countdown.between(now, end))).orElse(""));
    }

    private String describe(Exception e) {
        if (e instanceof ArchiveException archive) {
            return archive.message(text.languageProperty().get().locale());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The window's title. */
    public StringProperty titleProperty() {
        return title;
    }

    /** The decoded subject. */
    public StringProperty subjectProperty() {
        return subject;
    }

    /** The From line's mailboxes. */
    public StringProperty fromProperty() {
        return from;
    }

    /** What the message is doing now, in words. */
    public StringProperty statusProperty() {
        return status;
    }

    /** The time left until the hold ends, empty when nothing is held. */
    public StringProperty countdownProperty() {
        return countdown;
    }

    /** What the last command did. */
    public StringProperty noticeProperty() {
        return notice;
    }

    /** What went wrong with the last command or load, empty when nothing did. */
    public StringProperty problemProperty() {
        return problem;
    }

    /** Where the message stands. */
    public ObjectProperty<ReviewState> stateProperty() {
        return state;
    }

    /** Whether something is held that "send now" would release. */
    public BooleanProperty sendNowAllowedProperty() {
        return sendNowAllowed;
    }

    /** Whether something has not left yet that "cancel" would stop. */
    public BooleanProperty cancelAllowedProperty() {
        return cancelAllowed;
    }

    /** Whether a command is under way. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The plan's groups. */
    public ObservableList<GroupRow> groups() {
        return plan.groups();
    }

    /** What must be ticked, one by one. */
    public ObservableList<ConfirmRow> confirmations() {
        return plan.confirmations();
    }

    /** The attachments. */
    public ObservableList<AttachmentRow> attachments() {
        return attachments;
    }

    /** The signs of a mis-send. */
    public ObservableList<WarningRow> warnings() {
        return warnings;
    }

    /** Fresh passphrases to pass on. */
    public ObservableList<PassphraseRow> passphrases() {
        return passphrases;
    }

    /** One piece of work on the gateway; returns what to change on the UI thread afterwards. */
    @FunctionalInterface
    private interface GatewayWork {
        Runnable on(Gateway gateway) throws IOException;
    }
}
