package dev.hikyaku.app.checker;

import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.advisor.route.RecipientDomain;
import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.advisor.verdict.ReasonText;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.Localized;
import dev.hikyaku.app.i18n.Messages;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One entry of the checker: what was typed and how its check stands, as properties a row of the view binds to. */
public final class CheckRow {
    /** Where a row's check stands. */
    public sealed interface State {
    }

    /** The entry names no mail domain; nothing is checked. */
    public record Invalid() implements State {
    }

    /** The domain is being checked. */
    public record Probing(RecipientDomain domain) implements State {
    }

    /** The verdict arrived, with its evidence. */
    public record Checked(DomainReport report) implements State {
    }

    /** The check could not run at all (e.g. the configuration cannot be read); {@code why} says so. */
    public record Failed(Localized why) implements State {
    }

    private final LiveText text;
    private final String typed;
    private final ReadOnlyObjectWrapper<State> state;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyStringWrapper accessible = new ReadOnlyStringWrapper(this, "accessible");
    private final ReadOnlyStringWrapper evidence = new ReadOnlyStringWrapper(this, "evidence");

    CheckRow(LiveText text, DomainInput.Entry entry) {
        this.text = text;
        this.typed = entry.typed();
        this.state = new ReadOnlyObjectWrapper<>(this, "state",
                entry.domain().<State>map(Probing::new).orElseGet(Invalid::new));
        show(state.get());
        state.addListener((observable, before, after) -> show(after));
    }

    /** The entry as typed. */
    public String typed() {
        return typed;
    }

    /** Where the check stands. */
    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The verdict level once known. */
    public Optional<Level> level() {
        return state.get() instanceof Checked checked ? Optional.of(checked.report().verdict().level()) : Optional.empty();
    }

    /** Whether the check is still running. */
    public boolean probing() {
        return state.get() instanceof Probing;
    }

    /** The one-sentence reason for the verdict, or what stands in the way of one. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The whole row as one sentence, for screen readers. */
    public ReadOnlyStringProperty accessibleProperty() {
        return accessible.getReadOnlyProperty();
    }

    /** The evidence behind the verdict (MX hosts, TLS, certificates, MTA-STS, DANE), empty until it arrives. */
    public ReadOnlyStringProperty evidenceProperty() {
        return evidence.getReadOnlyProperty();
    }

    void finish(DomainReport report) {
        state.set(new Checked(report));
    }

    void fail(Localized why) {
        state.set(new Failed(why));
    }

    private void show(State now) {
        evidence.unbind();
        evidence.set("");
        if (now instanceof Invalid) {
            message.bind(text.text(CheckerText.ROW_INVALID, typed));
            accessible.bind(message);
        } else if (now instanceof Probing) {
            message.bind(text.text(CheckerText.ROW_PROBING));
            accessible.bind(text.text(CheckerText.ROW_PROBING_ACCESSIBLE, typed));
        } else if (now instanceof Failed failed) {
            message.bind(text.text(CheckerText.ROW_FAILED, failed.why()));
            accessible.bind(message);
        } else {
            DomainReport report = ((Checked) now).report();
            message.bind(Bindings.createStringBinding(
                    () -> ReasonText.of(report.verdict(), text.languageProperty().get().locale()),
                    text.languageProperty()));
            CheckerText word = CheckerText.level(report.verdict().level());
            accessible.bind(Bindings.createStringBinding(() -> text.now(CheckerText.ROW_ACCESSIBLE, typed,
                    text.now(word), message.get()), message));
            evidence.bind(Bindings.createStringBinding(
                    () -> EvidenceText.of(report, new Messages(text.languageProperty().get())),
                    text.languageProperty()));
        }
    }
}
