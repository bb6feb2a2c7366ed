package dev.hikyaku.app.clients.thunderbird;

import dev.hikyaku.app.clients.LocalSubmission;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.Localized;
import dev.hikyaku.app.i18n.TextKey;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Thunderbird set-up page's state: the profiles, the chosen profile's accounts, what pointing the chosen
 * account at Hikyaku would change (or changed), and the apply and undo actions. Files are read and written on
 * {@code background}; results come back through {@code ui}. No controls in here.
 */
public final class ThunderbirdSetupModel {
    private final LiveText text;
    private final ThunderbirdRoot root;
    private final ThunderbirdSetup setup;
    private final LocalSubmission target;
    private final Executor background;
    private final Executor ui;

    private final ObservableList<ThunderbirdProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ThunderbirdProfile> profile = new SimpleObjectProperty<>(this, "profile");
    private final ObservableList<ThunderbirdAccount> accounts = FXCollections.observableArrayList();
    private final ObjectProperty<ThunderbirdAccount> account = new SimpleObjectProperty<>(this, "account");
    private final ReadOnlyStringWrapper plan = new ReadOnlyStringWrapper(this, "plan", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Optional<SetupPlan>> plannable =
            new ReadOnlyObjectWrapper<>(this, "plannable", Optional.empty());
    private final ReadOnlyObjectWrapper<Optional<AppliedSetup>> applied =
            new ReadOnlyObjectWrapper<>(this, "applied", Optional.empty());
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(this, "canApply");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private boolean problemShown;

    /** A page for the profiles under {@code root}, pointing accounts at {@code target}. */
    public ThunderbirdSetupModel(LiveText text, ThunderbirdRoot root, ThunderbirdSetup setup, LocalSubmission target,
                                 Executor background, Executor ui) {
        this.text = text;
        this.root = root;
        this.setup = setup;
        this.target = target;
        this.background = background;
        this.ui = ui;
        canApply.bind(Bindings.createBooleanBinding(() -> !busy.get() && plannable.get().isPresent()
                && applied.get().isEmpty(), busy, plannable, applied));
        canUndo.bind(Bindings.createBooleanBinding(() -> !busy.get() && applied.get().isPresent(), busy, applied));
        profile.addListener((observable, before, after) -> readProfile(after));
        account.addListener((observable, before, after) -> planFor(after));
    }

    /** Reads the profiles; the one Thunderbird opens is chosen. */
    public void load() {
        work(() -> new ProfilesIniReader().read(root), found -> {
            profiles.setAll(found);
            profile.set(found.stream().filter(ThunderbirdProfile::isDefault).findFirst()
                    .orElse(found.isEmpty() ? null : found.get(0)));
        }, false);
    }

    /** Points the chosen account's outgoing server at Hikyaku, as {@link #planProperty()} describes. */
    public void apply() {
        Optional<SetupPlan> chosen = plannable.get();
        if (chosen.isEmpty()) {
            return;
        }
        work(() -> setup.apply(chosen.get()), done -> {
            applied.set(Optional.of(done));
            plannable.set(Optional.empty());
            showApplied(done);
            show(status, List.of(part(ThunderbirdText.VIEW_DONE, done.hostAndPort()),
                    part(ThunderbirdText.NOTE_PASSWORD_AGAIN),
                    part(ThunderbirdText.NOTE_CERTIFICATE, done.hostAndPort(), done.fingerprint()),
                    part(ThunderbirdText.NOTE_BACKUP,
                            done.profile().resolve(ThunderbirdSetup.BACKUP_FOLDER).toString())));
        }, false);
    }

    /** Takes back what {@link #apply()} changed in the chosen profile. */
    public void undo() {
        ThunderbirdProfile chosen = profile.get();
        if (chosen == null) {
            return;
        }
        work(() -> setup.undo(chosen), result -> {
            applied.set(Optional.empty());
            show(status, List.of(part(result.prefsExact() && result.overridesExact()
                    ? ThunderbirdText.UNDONE_EXACTLY : ThunderbirdText.UNDONE_VALUES)));
            planFor(account.get());
        }, false);
    }

    private void readProfile(ThunderbirdProfile chosen) {
        accounts.clear();
        applied.set(Optional.empty());
        plannable.set(Optional.empty());
        clear(plan);
        if (chosen == null) {
            return;
        }
        work(() -> new ProfileState(ThunderbirdSetup.accounts(chosen), setup.applied(chosen)), state -> {
            accounts.setAll(state.accounts());
            applied.set(state.applied());
            state.applied().ifPresent(this::showApplied);
            String appliedServer = state.applied().map(done -> done.previous().id()).orElse("");
            account.set(state.accounts().stream()
                    .filter(candidate -> candidate.outgoing().map(SmtpServer::id).filter(appliedServer::equals)
                            .isPresent())
                    .findFirst()
                    .orElse(state.accounts().stream().filter(candidate -> candidate.outgoing().isPresent())
                            .findFirst().orElse(null)));
        }, true);
    }

    private void planFor(ThunderbirdAccount chosen) {
        plannable.set(Optional.empty());
        if (applied.get().isPresent() || chosen == null || chosen.outgoing().isEmpty()) {
            if (applied.get().isEmpty()) {
                clear(plan);
            }
            return;
        }
        ThunderbirdProfile inProfile = profile.get();
        String serverId = chosen.outgoing().get().id();
        work(() -> setup.plan(inProfile, serverId, target), found -> {
            plannable.set(Optional.of(found));
            List<Part> parts = new ArrayList<>();
            SmtpServer server = found.server();
            parts.add(part(ThunderbirdText.SUMMARY, server.label(), server.hostname() + ":" + server.effectivePort(),
                    target.hostAndPort()));
            if (found.accounts().size() > 1) {
                parts.add(part(ThunderbirdText.NOTE_SHARED, String.join(", ",
                        found.accounts().stream().map(ThunderbirdAccount::name).toList())));
            }
            if (found.switchesToNormalPassword()) {
                parts.add(part(ThunderbirdText.NOTE_AUTH_SWITCHED));
            }
            show(plan, parts);
        }, true);
    }

    private void showApplied(AppliedSetup done) {
        SmtpServer previous = done.previous();
        show(plan, List.of(part(ThunderbirdText.VIEW_APPLIED, done.hostAndPort(), Date.from(done.appliedAt()),
                previous.label(), previous.hostname() + ":" + previous.effectivePort())));
    }

    /**
     * Runs {@code job} in the background; its result, or its problem, comes back on the UI thread. A job that only
     * reads says nothing while it works and leaves the last message standing unless that was a problem.
     */
    private <T> void work(Job<T> job, Consumer<T> then, boolean onlyReads) {
        busy.set(true);
        if (!onlyReads) {
            show(status, List.of(part(ThunderbirdText.VIEW_WORKING)));
            problemShown = false;
        }
        background.execute(() -> {
            try {
                T result = job.run();
                ui.execute(() -> {
                    busy.set(false);
                    if (!onlyReads || problemShown) {
                        clear(status);
                        problemShown = false;
                    }
                    then.accept(result);
                });
            } catch (ThunderbirdSetupException e) {
                ui.execute(() -> {
                    busy.set(false);
                    showProblem(e);
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    busy.set(false);
                    show(status, List.of(part(ThunderbirdText.VIEW_FAILED, String.valueOf(e))));
                    problemShown = true;
                });
            }
        });
    }

    private void showProblem(Localized problem) {
        problemShown = true;
        status.unbind();
        status.bind(Bindings.createStringBinding(() -> problem.in(text.languageProperty().get().locale()),
                text.languageProperty()));
    }

    private void show(ReadOnlyStringWrapper target, List<Part> parts) {
        StringExpression joined = Bindings.concat("");
        for (int i = 0; i < parts.size(); i++) {
            joined = Bindings.concat(joined, i == 0 ? "" : "\n", text.text(parts.get(i).key(), parts.get(i).args()));
        }
        target.unbind();
        target.bind(joined);
    }

    private static void clear(ReadOnlyStringWrapper target) {
        target.unbind();
        target.set("");
    }

    private static Part part(TextKey key, Object... args) {
        return new Part(key, args);
    }

    /** The profiles Thunderbird lists. */
    public ObservableList<ThunderbirdProfile> profiles() {
        return profiles;
    }

    /** The chosen profile. */
    public ObjectProperty<ThunderbirdProfile> profileProperty() {
        return profile;
    }

    /** The chosen profile's accounts that send mail. */
    public ObservableList<ThunderbirdAccount> accounts() {
        return accounts;
    }

    /** The chosen account. */
    public ObjectProperty<ThunderbirdAccount> accountProperty() {
        return account;
    }

    /** What the change does (or did), in the current language. */
    public ReadOnlyStringProperty planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** What happened last, or why the chosen account cannot be set up, in the current language. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether files are being read or written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether the chosen account can be pointed at Hikyaku now. */
    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }

    /** Whether the chosen profile has a change to undo. */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /**
     * The change in the chosen profile, once made: the first-run flow takes the upstream server for the gateway
     * from {@link AppliedSetup#previous()}.
     */
    public ReadOnlyObjectProperty<Optional<AppliedSetup>> appliedProperty() {
        return applied.getReadOnlyProperty();
    }

    /** Work that reads or writes Thunderbird's files. */
    @FunctionalInterface
    private interface Job<T> {
        T run() throws ThunderbirdSetupException;
    }

    private record ProfileState(List<ThunderbirdAccount> accounts, Optional<AppliedSetup> applied) {
    }

    private record Part(TextKey key, Object[] args) {
    }
}
