package dev.hikyaku.app.review;

import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.advisor.verdict.ReasonText;
import dev.hikyaku.app.checker.CheckerText;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.gateway.plan.GroupAction;
import dev.hikyaku.gateway.plan.RecipientGroup;
import java.net.IDN;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One recipient group of the plan as the review shows it: side, domain, verdict (glyph, word, reason, evidence),
 * recipients, and the action with the choices the policy leaves.
 */
public final class GroupRow {
    private final int index;
    private final RecipientGroup group;
    private final Optional<DomainReport> report;
    private final ObjectProperty<GroupAction> action;
    private final BooleanProperty changeable = new SimpleBooleanProperty(this, "changeable");
    private final StringBinding side;
    private final StringBinding levelText;
    private final StringBinding reason;
    private final StringBinding recipients;
    private final Optional<StringBinding> evidence;

    /** The row of group {@code index}; {@code recipients} are the addresses as shown (with display names). */
    GroupRow(int index, RecipientGroup group, Optional<DomainReport> report, List<String> recipients, LiveText text) {
        this.index = index;
        this.group = group;
        this.report = report;
        this.action = new SimpleObjectProperty<>(this, "action", group.action());
        this.side = text.text(group.internal() ? ReviewKey.GROUP_INTERNAL : ReviewKey.GROUP_EXTERNAL);
        this.levelText = text.text(CheckerText.level(group.level()));
        // The stored plan keeps no verdict; the cache's report gives the reason, else the level word says it all.
        this.reason = Bindings.createStringBinding(() -> report.map(found -> ReasonText.of(found.verdict(),
                text.languageProperty().get().locale())).orElse(""), text.languageProperty());
        this.recipients = text.text(ReviewKey.GROUP_RECIPIENTS, String.join(", ", recipients));
        this.evidence = report.map(found -> Bindings.createStringBinding(() -> EvidenceText.of(found, text),
                text.languageProperty()));
    }

    /** Whether {@code other} is this row's group with at most another action (so the row can stay on screen). */
    boolean sameGroup(int otherIndex, RecipientGroup other, Optional<DomainReport> otherReport) {
        return index == otherIndex && group.domain().equals(other.domain()) && group.level() == other.level()
                && group.internal() == other.internal() && group.recipients().equals(other.recipients())
                && group.choices().equals(other.choices()) && report.isPresent() == otherReport.isPresent();
    }

    /** The group's position in the plan (what {@code Gateway.choose} takes). */
    public int index() {
        return index;
    }

    /** The domain, in Unicode when it is an international one. */
    public String domain() {
        return IDN.toUnicode(group.domain(), IDN.ALLOW_UNASSIGNED);
    }

    /** The verdict level. */
    public Level level() {
        return group.level();
    }

    /** Whether the group is internal. */
    public boolean internal() {
        return group.internal();
    }

    /** The actions the policy allows, the current one included. */
    public List<GroupAction> choices() {
        return group.choices();
    }

    /** The action the plan holds now. */
    public ObjectProperty<GroupAction> actionProperty() {
        return action;
    }

    /** Whether the sender may change the action now (more than one choice, and the message still waits). */
    public BooleanProperty changeableProperty() {
        return changeable;
    }

    /** "Internal" or "External". */
    public StringBinding sideText() {
        return side;
    }

    /** The level's glyph and word. */
    public StringBinding levelText() {
        return levelText;
    }

    /** The one-sentence reason, empty when no report is known. */
    public StringBinding reason() {
        return reason;
    }

    /** The recipients line. */
    public StringBinding recipientsText() {
        return recipients;
    }

    /** The evidence, line by line, when the verdict cache has it. */
    public Optional<StringBinding> evidence() {
        return evidence;
    }
}
