package dev.hikyaku.app.firstrun;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.Messages;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The first-run window: two pages (where mail goes; how to point the mail program here), bound to a {@link FirstRunModel}. */
public final class FirstRunWindow {
    /** The window's root node id. */
    public static final String ROOT_ID = "firstRun";
    static final String SANDBOX_ID = "firstRunSandbox";
    static final String UPSTREAM_ID = "firstRunUpstream";
    static final String HOST_ID = "firstRunHost";
    static final String PORT_ID = "firstRunPort";
    static final String SECURITY_ID = "firstRunSecurity";
    static final String PROBLEM_ID = "firstRunProblem";
    static final String ADDRESS_ID = "firstRunAddress";
    static final String FINGERPRINT_ID = "firstRunFingerprint";
    static final String NEXT_ID = "firstRunNext";
    static final String BACK_ID = "firstRunBack";
    static final String FINISH_ID = "firstRunFinish";
    static final String LATER_ID = "firstRunLater";

    private final LiveText text;
    private final FirstRunModel model;
    private final Node mailClients;
    private final Node loginStart;

    /**
     * A window over {@code model}, its second page showing {@code mailClients} (Thunderbird's set-up, Outlook's
     * guide) and {@code loginStart} (the start-at-sign-in choice).
     */
    public FirstRunWindow(LiveText text, FirstRunModel model, Node mailClients, Node loginStart) {
        this.text = text;
        this.model = model;
        this.mailClients = mailClients;
        this.loginStart = loginStart;
    }

    /** Shows the window over {@code owner} (which stays usable), closing itself once the set-up is written. */
    public Stage show(Window owner) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.titleProperty().bind(text.text(FirstRunText.WINDOW_TITLE));
        Node choose = choosePage();
        Node point = pointPage();
        BorderPane root = new BorderPane();
        root.setId(ROOT_ID);
        root.setPadding(new Insets(16));
        root.centerProperty().bind(Bindings.createObjectBinding(
                () -> model.pageProperty().get() == FirstRunModel.CHOOSE ? choose : point, model.pageProperty()));
        root.setBottom(buttons(stage));
        stage.setScene(new Scene(root, 820, 700));
        model.finishedProperty().addListener((observable, before, done) -> {
            if (done) {
                stage.close();
            }
        });
        stage.show();
        return stage;
    }

    private Node choosePage() {
        ToggleGroup group = new ToggleGroup();
        RadioButton sandbox = radio(SANDBOX_ID, FirstRunText.SANDBOX_CHOICE, group);
        RadioButton upstream = radio(UPSTREAM_ID, FirstRunText.UPSTREAM_CHOICE, group);
        group.selectToggle(model.sandboxProperty().get() ? sandbox : upstream);
        group.selectedToggleProperty().addListener((observable, before, after) ->
                model.sandboxProperty().set(after == sandbox));

        TextField host = new TextField();
        host.setId(HOST_ID);
        host.setPromptText("smtp.example.co.jp");
        host.textProperty().bindBidirectional(model.hostProperty());
        TextField port = new TextField();
        port.setId(PORT_ID);
        port.textProperty().bindBidirectional(model.portProperty());
        ComboBox<String> security = new ComboBox<>();
        security.setId(SECURITY_ID);
        security.getItems().addAll("starttls", "tls");
        security.valueProperty().bindBidirectional(model.securityProperty());
        security.converterProperty().bind(Bindings.createObjectBinding(this::securityNames, text.languageProperty()));

        GridPane server = new GridPane();
        server.setHgap(10);
        server.setVgap(6);
        server.setPadding(new Insets(0, 0, 0, 28));
        server.addRow(0, label(FirstRunText.HOST, host), host);
        server.addRow(1, label(FirstRunText.PORT, port), port);
        server.addRow(2, label(FirstRunText.SECURITY, security), security);
        server.disableProperty().bind(model.sandboxProperty());
        GridPane.setHgrow(host, Priority.ALWAYS);

        Label problem = wrapped(PROBLEM_ID);
        problem.textProperty().bind(model.problemProperty());
        problem.setStyle("-fx-text-fill: #b00020;");

        return new VBox(12, heading(FirstRunText.STEP_ONE), text(FirstRunText.WELCOME), sandbox, upstream, server,
                problem, text(FirstRunText.LATER_HINT));
    }

    private Node pointPage() {
        Label address = wrapped(ADDRESS_ID);
        address.textProperty().bind(model.addressProperty());
        address.setStyle("-fx-font-weight: bold;");
        address.setFocusTraversable(true);
        Label fingerprint = wrapped(FINGERPRINT_ID);
        fingerprint.textProperty().bind(model.fingerprintProperty());
        fingerprint.setFocusTraversable(true);
        Label sandboxNote = wrapped("firstRunSandboxNote");
        sandboxNote.textProperty().bind(model.sandboxNoteProperty());
        sandboxNote.visibleProperty().bind(model.sandboxProperty());
        sandboxNote.managedProperty().bind(sandboxNote.visibleProperty());
        VBox top = new VBox(10, heading(FirstRunText.STEP_TWO), address, fingerprint, sandboxNote,
                text(FirstRunText.CLIENTS_HINT));
        top.setPadding(new Insets(0, 0, 10, 0));
        BorderPane page = new BorderPane(mailClients);
        page.setTop(top);
        BorderPane.setMargin(loginStart, new Insets(10, 0, 0, 0));
        page.setBottom(loginStart);
        return page;
    }

    private Node buttons(Stage stage) {
        Button later = button(LATER_ID, FirstRunText.LATER);
        later.setCancelButton(true);
        later.setOnAction(event -> stage.close());
        Button back = button(BACK_ID, FirstRunText.BACK);
        back.setOnAction(event -> model.back());
        Button next = button(NEXT_ID, FirstRunText.NEXT);
        next.setOnAction(event -> model.next());
        Button finish = button(FINISH_ID, FirstRunText.FINISH);
        finish.setOnAction(event -> model.finish());
        finish.disableProperty().bind(model.busyProperty());

        Runnable showButtons = () -> {
            boolean choosing = model.pageProperty().get() == FirstRunModel.CHOOSE;
            back.setVisible(!choosing);
            next.setVisible(choosing);
            next.setManaged(choosing);
            finish.setVisible(!choosing);
            finish.setManaged(!choosing);
            next.setDefaultButton(choosing);
            finish.setDefaultButton(!choosing);
        };
        showButtons.run();
        model.pageProperty().addListener((observable, before, after) -> showButtons.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(10, later, gap, back, next, finish);
        bar.setPadding(new Insets(12, 0, 0, 0));
        return bar;
    }

    private StringConverter<String> securityNames() {
        Messages messages = new Messages(text.languageProperty().get());
        return new StringConverter<>() {
            @Override
            public String toString(String value) {
                if ("tls".equals(value)) {
                    return messages.format(FirstRunText.SECURITY_TLS);
                }
                return "starttls".equals(value) ? messages.format(FirstRunText.SECURITY_STARTTLS) : value;
            }

            @Override
            public String fromString(String shown) {
                return shown;
            }
        };
    }

    private Label heading(FirstRunText key) {
        Label heading = text(key);
        heading.setStyle("-fx-font-size: 1.2em; -fx-font-weight: bold;");
        return heading;
    }

    private Label text(FirstRunText key) {
        Label label = wrapped(null);
        label.textProperty().bind(text.text(key));
        return label;
    }

    private static Label wrapped(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private Label label(FirstRunText key, Control control) {
        Label label = new Label();
        label.textProperty().bind(text.text(key));
        label.setLabelFor(control);
        control.accessibleTextProperty().bind(text.text(key));
        return label;
    }

    private RadioButton radio(String id, FirstRunText key, ToggleGroup group) {
        RadioButton radio = new RadioButton();
        radio.setId(id);
        radio.textProperty().bind(text.text(key));
        radio.setMnemonicParsing(true);
        radio.setWrapText(true);
        radio.setToggleGroup(group);
        return radio;
    }

    private Button button(String id, FirstRunText key) {
        Button button = new Button();
        button.setId(id);
        button.textProperty().bind(text.text(key));
        button.setMnemonicParsing(true);
        return button;
    }
}
