package dev.hikyaku.app.review;

import dev.hikyaku.app.checker.CheckerText;
import dev.hikyaku.app.checker.VerdictBadge;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.gateway.plan.GroupAction;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The review window's content, bound to a {@link ReviewViewModel}: header with countdown, warnings, fresh
 * passphrases, the groups with their verdicts and actions, attachments, tick boxes, and the commands.
 */
public final class ReviewView {
    // Node ids, for tests and style sheets; per-row ids end in the row's index.
    static final String SUBJECT_ID = "reviewSubject";
    static final String FROM_ID = "reviewFrom";
    static final String STATUS_ID = "reviewStatus";
    static final String COUNTDOWN_ID = "reviewCountdown";
    static final String NOTICE_ID = "reviewNotice";
    static final String PROBLEM_ID = "reviewProblem";
    static final String WARNINGS_ID = "reviewWarnings";
    static final String PASSPHRASES_ID = "reviewPassphrases";
    static final String GROUPS_ID = "reviewGroups";
    static final String ATTACHMENTS_ID = "reviewAttachments";
    static final String CONFIRMATIONS_ID = "reviewConfirmations";
    static final String SEND_NOW_ID = "reviewSendNow";
    static final String CANCEL_ID = "reviewCancel";
    static final String DRAFT_ID = "reviewBackToDraft";
    static final String CLOSE_ID = "reviewClose";
    static final String DRAFT_NOTE_ID = "reviewDraftNote";
    static final String WARNING_PREFIX = "warning-";
    static final String PASSPHRASE_PREFIX = "passphrase-";
    static final String COPY_PREFIX = "passphraseCopy-";
    static final String GROUP_PREFIX = "group-";
    static final String ATTACHMENT_PREFIX = "attachment-";
    static final String CONFIRM_PREFIX = "confirm-";

    private static final String WARNING_STYLE = "-fx-background-color: #fff3cd; -fx-border-color: #a04000;"
            + " -fx-border-width: 0 0 0 4; -fx-padding: 6; -fx-font-weight: bold;";
    private static final String SECTION_STYLE = "-fx-font-size: 1.1em; -fx-font-weight: bold;";

    private final LiveText text;
    private final ReviewViewModel model;
    private final ReviewDialogs dialogs;
    private final DraftTarget drafts;
    private final Runnable close;

    /** A view of {@code model}; {@code close} closes its window. */
    public ReviewView(LiveText text, ReviewViewModel model, ReviewDialogs dialogs, DraftTarget drafts, Runnable close) {
        this.text = text;
        this.model = model;
        this.dialogs = dialogs;
        this.drafts = drafts;
        this.close = close;
    }

    /** The window's content. */
    public Parent content() {
        Label subject = label(SUBJECT_ID);
        subject.textProperty().bind(model.subjectProperty());
        subject.setStyle("-fx-font-size: 1.4em; -fx-font-weight: bold;");
        subject.setAccessibleRole(AccessibleRole.TEXT);
        Label from = label(FROM_ID);
        from.textProperty().bind(Bindings.createStringBinding(() -> model.fromProperty().get().isEmpty() ? ""
                : text.now(ReviewKey.HEADING_FROM, model.fromProperty().get()), model.fromProperty(), text.languageProperty()));
        Label countdown = label(COUNTDOWN_ID);
        countdown.textProperty().bind(model.countdownProperty());
        countdown.setStyle("-fx-font-size: 1.6em; -fx-font-weight: bold;");
        countdown.setFocusTraversable(true);
        Label status = label(STATUS_ID);
        status.textProperty().bind(model.statusProperty());
        Label notice = label(NOTICE_ID);
        notice.textProperty().bind(model.noticeProperty());
        Label problem = label(PROBLEM_ID);
        problem.textProperty().bind(model.problemProperty());
        problem.setStyle("-fx-text-fill: #b71c1c; -fx-font-weight: bold;");

        VBox warnings = rows(WARNINGS_ID, ReviewKey.SECTION_WARNINGS, model.warnings(), this::warning);
        VBox passphrases = rows(PASSPHRASES_ID, ReviewKey.SECTION_PASSPHRASE, model.passphrases(), this::passphrase);
        VBox groups = rows(GROUPS_ID, ReviewKey.SECTION_GROUPS, model.groups(), this::group);
        VBox attachments = rows(ATTACHMENTS_ID, ReviewKey.SECTION_ATTACHMENTS, model.attachments(), this::attachment);
        VBox confirmations = rows(CONFIRMATIONS_ID, ReviewKey.SECTION_CONFIRM, model.confirmations(), this::confirmation);

        VBox body = new VBox(14, new VBox(4, subject, from), new VBox(4, countdown, status, notice, problem), warnings,
                passphrases, groups, attachments, confirmations);
        body.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        FocusScrolling.follow(scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return new VBox(scroll, commands());
    }

    private Node commands() {
        Button sendNow = button(SEND_NOW_ID, ReviewKey.BUTTON_SEND_NOW);
        sendNow.disableProperty().bind(model.sendNowAllowedProperty().not().or(model.busyProperty()));
        sendNow.setOnAction(event -> model.sendNow());
        Button cancel = button(CANCEL_ID, ReviewKey.BUTTON_CANCEL);
        cancel.disableProperty().bind(model.cancelAllowedProperty().not().or(model.busyProperty()));
        cancel.setOnAction(event -> {
            if (dialogs.confirmCancel(window(cancel), model.subjectProperty().get())) {
                model.cancel();
            }
        });
        Button draft = button(DRAFT_ID, ReviewKey.BUTTON_BACK_TO_DRAFT);
        draft.disableProperty().bind(cancel.disableProperty());
        draft.setOnAction(event -> {
            if (dialogs.confirmBackToDraft(window(draft), model.subjectProperty().get())) {
                drafts.choose(window(draft), model.messageId() + ".eml").ifPresent(model::backToDraft);
            }
        });
        Button closeButton = button(CLOSE_ID, ReviewKey.BUTTON_CLOSE);
        closeButton.setCancelButton(true);
        closeButton.setOnAction(event -> close.run());
        Label note = label(DRAFT_NOTE_ID);
        note.textProperty().bind(text.text(ReviewKey.DRAFT_NOTE));
        note.setStyle("-fx-font-size: 0.9em;");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, sendNow, cancel, draft, gap, closeButton);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(6, buttons, note);
        bar.setPadding(new Insets(10, 16, 12, 16));
        bar.setStyle("-fx-border-color: #c0c0c0; -fx-border-width: 1 0 0 0;");
        return bar;
    }

    private Node warning(WarningRow row, int index) {
        Label label = label(WARNING_PREFIX + index);
        label.textProperty().bind(Bindings.concat("⚠ ", row.text()));
        label.accessibleTextProperty().bind(Bindings.createStringBinding(() -> text.now(ReviewKey.WARNING_ACCESSIBLE,
                row.text().get()), row.text()));
        label.setStyle(WARNING_STYLE);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setFocusTraversable(true);
        return label;
    }

    private Node passphrase(PassphraseRow row, int index) {
        String recipients = String.join(", ", row.recipients());
        Label line = label(PASSPHRASE_PREFIX + index);
        line.textProperty().bind(text.text(ReviewKey.PASSPHRASE_LINE, recipients, row.passphrase()));
        line.setStyle("-fx-font-family: monospace; -fx-font-size: 1.2em;");
        line.setFocusTraversable(true);
        Button copy = button(COPY_PREFIX + index, ReviewKey.PASSPHRASE_COPY);
        copy.accessibleTextProperty().bind(text.text(ReviewKey.PASSPHRASE_COPY_ACCESSIBLE, recipients));
        copy.setOnAction(event -> Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT,
                row.passphrase())));
        Label advice = label(PASSPHRASE_PREFIX + index + "-advice");
        advice.textProperty().bind(text.text(ReviewKey.PASSPHRASE_ADVICE));
        HBox top = new HBox(10, line, copy);
        top.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, top, advice);
    }

    private Node group(GroupRow row, int index) {
        String prefix = GROUP_PREFIX + index + "-";
        Label side = label(prefix + "side");
        side.textProperty().bind(row.sideText());
        side.setStyle("-fx-border-color: #606060; -fx-border-radius: 3; -fx-padding: 1 6 1 6;");
        Label domain = label(prefix + "domain");
        domain.setText(row.domain());
        domain.setStyle("-fx-font-weight: bold;");
        Label level = label(prefix + "level");
        level.textProperty().bind(row.levelText());
        level.setGraphic(VerdictBadge.icon(row.level()));
        level.setTextFill(VerdictBadge.colour(row.level()));
        level.setStyle("-fx-font-weight: bold;");
        level.accessibleTextProperty().bind(Bindings.createStringBinding(() -> text.now(
                ReviewKey.GROUP_LEVEL_ACCESSIBLE, row.domain(), text.now(CheckerText.level(row.level()))),
                text.languageProperty()));
        level.setFocusTraversable(true);
        HBox heading = new HBox(10, side, domain, level);
        heading.setAlignment(Pos.CENTER_LEFT);

        Label recipients = label(prefix + "recipients");
        recipients.textProperty().bind(row.recipientsText());
        Label reason = label(prefix + "reason");
        reason.textProperty().bind(row.reason());
        reason.managedProperty().bind(reason.textProperty().isNotEmpty());
        reason.visibleProperty().bind(reason.managedProperty());

        Label actionLabel = label(prefix + "actionLabel");
        actionLabel.textProperty().bind(text.text(ReviewKey.GROUP_ACTION));
        actionLabel.setMnemonicParsing(true);
        ComboBox<GroupAction> action = new ComboBox<>();
        action.setId(prefix + "action");
        action.getItems().setAll(row.choices());
        action.setValue(row.actionProperty().get());
        action.setCellFactory(list -> new ActionCell());
        action.setButtonCell(new ActionCell());
        action.accessibleTextProperty().bind(text.text(ReviewKey.GROUP_ACTION_ACCESSIBLE, row.domain()));
        action.disableProperty().bind(row.changeableProperty().not().or(model.busyProperty()));
        row.actionProperty().addListener((observable, before, after) -> action.setValue(after));
        // A refused or failed change leaves the plan as it was: show that again once the command is over.
        model.busyProperty().addListener((observable, before, after) -> {
            if (!after) {
                action.setValue(row.actionProperty().get());
            }
        });
        action.setOnAction(event -> {
            GroupAction chosen = action.getValue();
            if (chosen != null && !chosen.equals(row.actionProperty().get())) {
                model.choose(row, chosen);
            }
        });
        actionLabel.setLabelFor(action);
        Label fixed = label(prefix + "fixed");
        fixed.textProperty().bind(text.text(ReviewKey.GROUP_ACTION_FIXED));
        fixed.visibleProperty().bind(Bindings.size(action.getItems()).lessThan(2));
        fixed.managedProperty().bind(fixed.visibleProperty());
        HBox actionLine = new HBox(8, actionLabel, action, fixed);
        actionLine.setAlignment(Pos.CENTER_LEFT);

        VBox card = new VBox(6, heading, recipients, reason, actionLine);
        TitledPane evidence = new TitledPane();
        evidence.setId(prefix + "evidence");
        evidence.textProperty().bind(text.text(ReviewKey.GROUP_EVIDENCE, row.domain()));
        evidence.setExpanded(false);
        // No sliding: the window's layout settles at once (and motion-sensitive users are spared it).
        evidence.setAnimated(false);
        TextArea facts = new TextArea();
        facts.setEditable(false);
        facts.setWrapText(true);
        facts.setPrefRowCount(8);
        facts.setId(prefix + "evidenceText");
        if (row.evidence().isPresent()) {
            facts.textProperty().bind(row.evidence().get());
        } else {
            facts.textProperty().bind(text.text(ReviewKey.GROUP_EVIDENCE_NONE));
        }
        evidence.setContent(facts);
        card.getChildren().add(evidence);
        card.setPadding(new Insets(8));
        card.setStyle("-fx-border-color: " + VerdictBadge.hex(row.level()) + "; -fx-border-width: 0 0 0 4;");
        return card;
    }

    private Node attachment(AttachmentRow row, int index) {
        Label label = label(ATTACHMENT_PREFIX + index);
        label.textProperty().bind(text.text(row.inline() ? ReviewKey.ATTACHMENT_INLINE : ReviewKey.ATTACHMENT_LINE,
                row.name(), row.size(), row.type()));
        label.setFocusTraversable(true);
        return label;
    }

    private Node confirmation(ConfirmRow row, int index) {
        CheckBox box = new CheckBox();
        box.setId(CONFIRM_PREFIX + index);
        box.textProperty().bind(row.label());
        box.setSelected(row.tickedProperty().get());
        row.tickedProperty().addListener((observable, before, after) -> box.setSelected(after));
        model.busyProperty().addListener((observable, before, after) -> {
            if (!after) {
                box.setSelected(row.tickedProperty().get());
            }
        });
        // A tick cannot be taken back: the gateway records who confirmed what, and when.
        box.disableProperty().bind(row.tickedProperty().or(model.busyProperty())
                .or(model.cancelAllowedProperty().not()));
        box.selectedProperty().addListener((observable, before, after) -> {
            if (after && !row.tickedProperty().get()) {
                model.confirm(row);
            }
        });
        Label by = label(CONFIRM_PREFIX + index + "-by");
        by.textProperty().bind(row.confirmedByProperty());
        HBox line = new HBox(10, box, by);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    /** A section that lists {@code items}, hidden while empty, rebuilt when they change. */
    private <T> VBox rows(String id, ReviewKey heading, ObservableList<T> items, RowBuilder<T> builder) {
        Label title = label(id + "Title");
        title.textProperty().bind(text.text(heading));
        title.setStyle(SECTION_STYLE);
        title.setAccessibleRole(AccessibleRole.TEXT);
        VBox list = new VBox(8);
        list.setId(id);
        Runnable rebuild = () -> {
            list.getChildren().clear();
            for (int i = 0; i < items.size(); i++) {
                list.getChildren().add(builder.build(items.get(i), i));
            }
        };
        rebuild.run();
        items.addListener((ListChangeListener<T>) change -> rebuild.run());
        VBox section = new VBox(6, title, list);
        section.visibleProperty().bind(Bindings.isNotEmpty(items));
        section.managedProperty().bind(section.visibleProperty());
        return section;
    }

    private Button button(String id, ReviewKey key) {
        Button button = new Button();
        button.setId(id);
        button.textProperty().bind(text.text(key));
        button.setMnemonicParsing(true);
        return button;
    }

    private static Label label(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        return label;
    }

    private static Window window(Node node) {
        return node.getScene() == null ? null : node.getScene().getWindow();
    }

    /** Builds one row's node. */
    @FunctionalInterface
    private interface RowBuilder<T> {
        Node build(T item, int index);
    }

    /** A choice of action, named in the current language. */
    private final class ActionCell extends ListCell<GroupAction> {
        @Override
        protected void updateItem(GroupAction item, boolean empty) {
            super.updateItem(item, empty);
            textProperty().unbind();
            if (empty || item == null) {
                setText(null);
            } else {
                textProperty().bind(text.text(ActionText.of(item)));
            }
        }
    }
}
