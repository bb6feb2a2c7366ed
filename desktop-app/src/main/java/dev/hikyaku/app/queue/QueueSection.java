package dev.hikyaku.app.queue;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.TextKey;
import dev.hikyaku.app.review.Countdown;
import dev.hikyaku.app.review.DraftTarget;
import dev.hikyaku.app.review.EmlFileChooser;
import dev.hikyaku.app.review.ReviewDialogs;
import dev.hikyaku.app.shell.AppServices;
import dev.hikyaku.app.shell.Section;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableValue;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

/** The queue section: the messages Hikyaku holds, by state, each with its actions (review, send now, cancel, save). */
public final class QueueSection implements Section {
    /** The tab's id. */
    public static final String SECTION_ID = "queueSection";
    // Node ids and style classes, for tests and style sheets.
    static final String HEADING_ID = "queueHeading";
    static final String LIST_ID = "queueList";
    static final String EMPTY_ID = "queueEmpty";
    static final String NOTICE_ID = "queueNotice";
    static final String PROBLEM_ID = "queueProblem";
    static final String ROW_CLASS = "queue-row";
    static final String ROW_ID = "queueRow-";
    static final String OPEN_CLASS = "queue-open";
    static final String SEND_NOW_CLASS = "queue-send-now";
    static final String CANCEL_CLASS = "queue-cancel";
    static final String SAVE_CLASS = "queue-save";
    // The queue is also read now and then: states move on with time (a hold ends) without an event.
    private static final Duration REREAD = Duration.seconds(10);

    private final LiveText text;
    private final QueueViewModel model;
    private final Clock clock;
    private final Consumer<String> openReview;
    private final ReviewDialogs dialogs;
    private final DraftTarget drafts;

    /** A section over {@code model}; {@code openReview} brings a message's review forward. */
    public QueueSection(LiveText text, QueueViewModel model, Clock clock, Consumer<String> openReview,
                        ReviewDialogs dialogs, DraftTarget drafts) {
        this.text = text;
        this.model = model;
        this.clock = clock;
        this.openReview = openReview;
        this.dialogs = dialogs;
        this.drafts = drafts;
    }

    /** The app's queue section. */
    public static QueueSection of(AppServices services, Consumer<String> openReview) {
        return new QueueSection(services.text(), QueueViewModel.of(services), services.clock(), openReview,
                new ReviewDialogs(services.text()), new EmlFileChooser(services.text()));
    }

    /** The model behind the section (its counts are what the tray shows). */
    public QueueViewModel model() {
        return model;
    }

    @Override
    public String id() {
        return SECTION_ID;
    }

    @Override
    public TextKey title() {
        return QueueKey.TAB_QUEUE;
    }

    @Override
    public Node content() {
        Label heading = label(HEADING_ID);
        heading.textProperty().bind(text.text(QueueKey.HEADING));
        heading.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold;");
        heading.setAccessibleRole(AccessibleRole.TEXT);
        Label empty = label(EMPTY_ID);
        empty.textProperty().bind(Bindings.when(model.runningProperty()).then(text.text(QueueKey.EMPTY))
                .otherwise(text.text(QueueKey.NOT_RUNNING)));
        empty.visibleProperty().bind(Bindings.isEmpty(model.rows()));
        empty.managedProperty().bind(empty.visibleProperty());
        Label notice = label(NOTICE_ID);
        notice.textProperty().bind(model.noticeProperty());
        Label problem = label(PROBLEM_ID);
        problem.textProperty().bind(model.problemProperty());
        problem.setStyle("-fx-text-fill: #b71c1c; -fx-font-weight: bold;");

        VBox list = new VBox(12);
        list.setId(LIST_ID);
        Runnable rebuild = () -> list.getChildren().setAll(sections(model.rows()));
        rebuild.run();
        model.rows().addListener((ListChangeListener<QueueRow>) change -> rebuild.run());
        text.languageProperty().addListener(language -> rebuild.run());

        VBox root = new VBox(10, heading, notice, problem, empty, list);
        root.setPadding(new Insets(20));
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        Timeline reread = new Timeline(new KeyFrame(REREAD, event -> model.refresh()));
        reread.setCycleCount(Animation.INDEFINITE);
        // Only while the window shows: a closed window must not keep reading (the app may be quitting).
        ObservableValue<Boolean> showing = scroll.sceneProperty().flatMap(Scene::windowProperty)
                .flatMap(Window::showingProperty).orElse(false);
        showing.addListener((observable, was, is) -> {
            if (is) {
                reread.play();
            } else {
                reread.stop();
            }
        });
        return scroll;
    }

    private List<Node> sections(List<QueueRow> rows) {
        Instant now = clock.instant();
        VBox all = new VBox(6);
        for (QueueGroup group : QueueGroup.values()) {
            List<QueueRow> members = rows.stream().filter(row -> row.group() == group).toList();
            if (members.isEmpty()) {
                continue;
            }
            Label title = label(group.name().toLowerCase(Locale.ROOT) + "Heading");
            title.setText(text.now(group.heading(), members.size()));
            title.setStyle("-fx-font-size: 1.1em; -fx-font-weight: bold;");
            title.setAccessibleRole(AccessibleRole.TEXT);
            all.getChildren().add(title);
            for (QueueRow row : members) {
                all.getChildren().add(row(row, rows.indexOf(row), now));
            }
        }
        return List.of(all);
    }

    /** One message's row; its parts' ids end in {@code index}, its position in the list. */
    private Node row(QueueRow row, int index, Instant now) {
        String subject = row.subject().isBlank() ? text.now(QueueKey.SUBJECT_NONE) : row.subject();
        String recipients = String.join(", ", row.recipients());
        Label state = label(ROW_ID + index + "-state");
        state.setText(text.now(row.group().word()));
        state.setMinWidth(110);
        state.setStyle("-fx-font-weight: bold;");
        Label line = label(ROW_ID + index + "-line");
        line.setText(text.now(QueueKey.ROW_LINE, subject, recipients));
        Label when = label(ROW_ID + index + "-when");
        when.setText(when(row, now));
        VBox words = new VBox(2, line, when);
        HBox.setHgrow(words, Priority.ALWAYS);

        HBox box = new HBox(10, state, words);
        box.setId(ROW_ID + index);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add(ROW_CLASS);
        box.setUserData(row.messageId());
        box.setAccessibleText(text.now(QueueKey.ROW_ACCESSIBLE, text.now(row.group().word()), subject, recipients,
                when.getText()));
        box.setPadding(new Insets(4, 0, 4, 8));
        // Row buttons have no mnemonics: one letter could not tell the rows apart; Tab reaches each of them.
        if (row.queued()) {
            Button open = button(ROW_ID + index, OPEN_CLASS, QueueKey.BUTTON_OPEN, QueueKey.BUTTON_OPEN_ACCESSIBLE, subject);
            open.setOnAction(event -> openReview.accept(row.messageId()));
            Button sendNow = button(ROW_ID + index, SEND_NOW_CLASS, QueueKey.BUTTON_SEND_NOW, QueueKey.BUTTON_SEND_NOW_ACCESSIBLE, subject);
            sendNow.setDisable(!row.sendable());
            sendNow.setOnAction(event -> model.sendNow(row));
            Button cancel = button(ROW_ID + index, CANCEL_CLASS, QueueKey.BUTTON_CANCEL, QueueKey.BUTTON_CANCEL_ACCESSIBLE, subject);
            cancel.setDisable(!row.cancellable());
            cancel.setOnAction(event -> {
                if (dialogs.confirmCancel(window(cancel), subject)) {
                    model.cancel(row);
                }
            });
            box.getChildren().addAll(open, sendNow, cancel);
        }
        if (row.group() == QueueGroup.FAILED) {
            Button save = button(ROW_ID + index, SAVE_CLASS, QueueKey.BUTTON_SAVE, QueueKey.BUTTON_SAVE_ACCESSIBLE, subject);
            save.setOnAction(event -> drafts.choose(window(save), row.messageId() + ".eml")
                    .ifPresent(file -> model.save(row, file)));
            box.getChildren().add(save);
        }
        return box;
    }

    private String when(QueueRow row, Instant now) {
        String left = row.when().map(at -> Countdown.between(now, at)).orElse("");
        String ago = row.when().map(at -> Countdown.between(at, now)).orElse("");
        return switch (row.group()) {
            case HELD -> text.now(QueueKey.ROW_HELD, left);
            case DELIVERING -> text.now(QueueKey.ROW_NOW);
            case OVERDUE -> text.now(QueueKey.ROW_OVERDUE, ago);
            case RETRYING -> text.now(QueueKey.ROW_RETRYING, row.attempts() + 1, left, row.detail());
            case FAILED -> text.now(QueueKey.ROW_FAILED, row.detail());
            case AWAITING -> text.now(QueueKey.ROW_AWAITING);
            case PLANNING -> text.now(QueueKey.ROW_PLANNING);
        };
    }

    private Button button(String rowId, String styleClass, QueueKey label, QueueKey accessible, String subject) {
        Button button = new Button(text.now(label));
        button.setId(rowId + "-" + styleClass);
        button.getStyleClass().add(styleClass);
        button.setAccessibleText(text.now(accessible, subject));
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
}
