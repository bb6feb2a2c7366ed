package dev.hikyaku.app.checker;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.TextKey;
import dev.hikyaku.app.shell.AppServices;
import dev.hikyaku.app.shell.Section;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/** The TLS checker section: type domains, press Check, watch a row per domain fill in with its verdict. */
public final class CheckerView implements Section {
    /** The tab's id. */
    public static final String SECTION_ID = "checkerSection";
    // Node ids, for tests; a row's nodes end in "-" and the row's index.
    static final String INPUT_ID = "checkerInput";
    static final String FRESH_ID = "checkerFresh";
    static final String CHECK_ID = "checkerCheck";
    static final String STATUS_ID = "checkerStatus";
    static final String ROWS_ID = "checkerRows";
    static final String ROW_ID = "checkRow-";
    static final String DOMAIN_ID = "checkDomain-";
    static final String PROGRESS_ID = "checkProgress-";
    static final String VERDICT_ID = "checkVerdict-";
    static final String REASON_ID = "checkReason-";
    static final String EVIDENCE_BUTTON_ID = "checkEvidenceButton-";
    static final String EVIDENCE_ID = "checkEvidence-";

    private final LiveText text;
    private final CheckerViewModel model;
    private final Runnable onClose;

    /** A view of {@code model}; {@code onClose} runs when the window closes (to stop the engine). */
    public CheckerView(LiveText text, CheckerViewModel model, Runnable onClose) {
        this.text = text;
        this.model = model;
        this.onClose = onClose;
    }

    /** The checker of the app: the gateway's engine on the user's configuration and verdict cache. */
    public static CheckerView forApp(AppServices services) {
        EngineChecker checker = EngineChecker.forDataDirectory(services.dataDirectory(), services.clock());
        return new CheckerView(services.text(),
                new CheckerViewModel(services.text(), checker, services.background(), services.ui()), checker::close);
    }

    @Override
    public String id() {
        return SECTION_ID;
    }

    @Override
    public TextKey title() {
        return CheckerText.TAB_TITLE;
    }

    @Override
    public Node content() {
        Label heading = new Label();
        heading.textProperty().bind(text.text(CheckerText.HEADING));
        heading.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold;");

        TextArea input = new TextArea();
        input.setId(INPUT_ID);
        input.setPrefRowCount(3);
        input.setWrapText(true);
        input.textProperty().bindBidirectional(model.inputProperty());
        input.promptTextProperty().bind(text.text(CheckerText.INPUT_PROMPT));
        input.accessibleTextProperty().bind(text.text(CheckerText.INPUT_ACCESSIBLE));
        // Enter types a new line (several domains); Ctrl+Enter checks, as in a chat box.
        input.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && event.isShortcutDown()) {
                event.consume();
                model.check();
            }
        });
        Label inputLabel = new Label();
        inputLabel.textProperty().bind(text.text(CheckerText.INPUT_LABEL));
        inputLabel.setMnemonicParsing(true);
        inputLabel.setLabelFor(input);

        CheckBox fresh = new CheckBox();
        fresh.setId(FRESH_ID);
        fresh.setMnemonicParsing(true);
        fresh.textProperty().bind(text.text(CheckerText.FRESH_LABEL));
        fresh.selectedProperty().bindBidirectional(model.freshProperty());

        Button check = new Button();
        check.setId(CHECK_ID);
        check.setMnemonicParsing(true);
        check.textProperty().bind(text.text(CheckerText.CHECK_BUTTON));
        check.accessibleTextProperty().bind(text.text(CheckerText.CHECK_ACCESSIBLE));
        check.setOnAction(event -> model.check());

        Label status = new Label();
        status.setId(STATUS_ID);
        status.setWrapText(true);
        status.setAccessibleRole(AccessibleRole.TEXT);
        status.setFocusTraversable(true);
        status.textProperty().bind(model.statusProperty());

        VBox rows = new VBox(10);
        rows.setId(ROWS_ID);
        rows.setPadding(new Insets(4));
        model.rows().addListener((ListChangeListener<CheckRow>) change -> showRows(rows));
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        HBox actions = new HBox(12, check, fresh);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox root = new VBox(10, heading, inputLabel, input, actions, status, scroll);
        root.setPadding(new Insets(16));
        closeWithWindow(root);
        return root;
    }

    private void showRows(VBox rows) {
        rows.getChildren().clear();
        for (int i = 0; i < model.rows().size(); i++) {
            rows.getChildren().add(row(model.rows().get(i), i));
        }
    }

    private Node row(CheckRow row, int index) {
        Label domain = new Label(row.typed());
        domain.setId(DOMAIN_ID + index);
        domain.setStyle("-fx-font-family: monospace; -fx-font-weight: bold;");
        domain.setMinWidth(180);

        StackPane verdict = new StackPane();
        verdict.setMinWidth(190);
        verdict.setAlignment(Pos.CENTER_LEFT);

        Label reason = new Label();
        reason.setId(REASON_ID + index);
        reason.setWrapText(true);
        reason.textProperty().bind(row.messageProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);

        TextArea evidence = new TextArea();
        evidence.setId(EVIDENCE_ID + index);
        evidence.setEditable(false);
        evidence.setWrapText(true);
        evidence.setPrefRowCount(10);
        evidence.textProperty().bind(row.evidenceProperty());
        evidence.accessibleTextProperty().bind(text.text(CheckerText.EVIDENCE_TITLE));

        ToggleButton showEvidence = new ToggleButton();
        showEvidence.setId(EVIDENCE_BUTTON_ID + index);
        showEvidence.textProperty().bind(text.text(CheckerText.EVIDENCE_TITLE));
        showEvidence.accessibleTextProperty().bind(text.text(CheckerText.EVIDENCE_SHOW, row.typed()));
        showEvidence.setMinWidth(Region.USE_PREF_SIZE);
        evidence.visibleProperty().bind(showEvidence.selectedProperty());
        evidence.managedProperty().bind(showEvidence.selectedProperty());

        Runnable show = () -> {
            verdict.getChildren().setAll(verdictNode(row, index));
            showEvidence.setDisable(row.level().isEmpty());
        };
        show.run();
        row.stateProperty().addListener((observable, before, after) -> show.run());

        HBox line = new HBox(12, domain, verdict, reason, showEvidence);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, line, evidence);
        box.setId(ROW_ID + index);
        box.setAccessibleRole(AccessibleRole.TEXT);
        box.accessibleTextProperty().bind(row.accessibleProperty());
        box.setStyle("-fx-border-color: derive(-fx-base, -15%); -fx-border-width: 0 0 1 0; -fx-padding: 0 0 8 0;");
        return box;
    }

    private Node verdictNode(CheckRow row, int index) {
        if (row.probing()) {
            ProgressIndicator progress = new ProgressIndicator();
            progress.setId(PROGRESS_ID + index);
            progress.setPrefSize(22, 22);
            progress.accessibleTextProperty().bind(row.accessibleProperty());
            return progress;
        }
        if (row.level().isPresent()) {
            Label badge = VerdictBadge.of(row.level().get(), text);
            badge.setId(VERDICT_ID + index);
            return badge;
        }
        Label none = new Label("—");
        none.setId(VERDICT_ID + index);
        return none;
    }

    private void closeWithWindow(Node root) {
        root.sceneProperty().addListener((sceneProperty, oldScene, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((windowProperty, oldWindow, window) -> closeWith(window));
                closeWith(scene.getWindow());
            }
        });
    }

    private void closeWith(Window window) {
        if (window != null) {
            window.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> onClose.run());
        }
    }
}
