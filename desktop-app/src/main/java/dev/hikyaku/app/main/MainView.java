package dev.hikyaku.app.main;

import dev.hikyaku.app.i18n.MessageKey;
import dev.hikyaku.app.i18n.TextKey;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.app.shell.Section;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The status section: where mail clients submit, the gateway's state and the language switch, bound to a {@link MainViewModel}. */
public final class MainView implements Section {
    /** The tab's id. */
    public static final String SECTION_ID = "statusSection";
    // Node ids, for tests and style sheets.
    static final String MODE_ID = "mode";
    static final String SUBMISSION_LABEL_ID = "submissionLabel";
    static final String SUBMISSION_ADDRESS_ID = "submissionAddress";
    static final String GATEWAY_ID = "gateway";
    static final String FINGERPRINT_ID = "fingerprint";
    static final String STATUS_HEADING_ID = "statusHeading";
    static final String LANGUAGE_LABEL_ID = "languageLabel";
    static final String JAPANESE_ID = "languageJapanese";
    static final String ENGLISH_ID = "languageEnglish";

    private final MainViewModel model;

    /** A view of {@code model}. */
    public MainView(MainViewModel model) {
        this.model = model;
    }

    @Override
    public String id() {
        return SECTION_ID;
    }

    @Override
    public TextKey title() {
        return MessageKey.STATUS_TAB;
    }

    @Override
    public Node content() {
        Label heading = label(STATUS_HEADING_ID);
        heading.textProperty().bind(model.statusHeadingProperty());
        heading.setAccessibleRole(AccessibleRole.TEXT);
        heading.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold;");

        Label mode = label(MODE_ID);
        mode.textProperty().bind(model.modeProperty());

        Label submissionLabel = label(SUBMISSION_LABEL_ID);
        submissionLabel.textProperty().bind(model.submissionLabelProperty());
        Label submissionAddress = label(SUBMISSION_ADDRESS_ID);
        submissionAddress.textProperty().bind(model.submissionAddressProperty());
        submissionAddress.accessibleTextProperty().bind(model.submissionAccessibleProperty());
        submissionAddress.setStyle("-fx-font-family: monospace; -fx-font-weight: bold;");
        // Focusable so keyboard and screen-reader users can reach (and read) the address they must type.
        submissionAddress.setFocusTraversable(true);

        Label gateway = label(GATEWAY_ID);
        gateway.textProperty().bind(model.gatewayProperty());

        Label fingerprint = label(FINGERPRINT_ID);
        fingerprint.textProperty().bind(model.fingerprintProperty());
        fingerprint.setFocusTraversable(true);

        GridPane statusLines = new GridPane();
        statusLines.setHgap(8);
        statusLines.setVgap(6);
        statusLines.add(submissionLabel, 0, 0);
        statusLines.add(submissionAddress, 1, 0);

        VBox status = new VBox(8, heading, mode, statusLines, gateway, fingerprint);
        VBox root = new VBox(24, status, languageSwitch());
        root.setPadding(new Insets(20));
        return root;
    }

    private HBox languageSwitch() {
        ToggleGroup group = new ToggleGroup();
        RadioButton japanese = choice(JAPANESE_ID, UiLanguage.JAPANESE, group);
        japanese.textProperty().bind(model.japaneseProperty());
        japanese.accessibleTextProperty().bind(model.japaneseAccessibleProperty());
        RadioButton english = choice(ENGLISH_ID, UiLanguage.ENGLISH, group);
        english.textProperty().bind(model.englishProperty());
        english.accessibleTextProperty().bind(model.englishAccessibleProperty());

        selectLanguage(group, model.languageProperty().get());
        group.selectedToggleProperty().addListener((observable, before, after) -> {
            if (after != null) {
                model.languageProperty().set((UiLanguage) after.getUserData());
            }
        });
        model.languageProperty().addListener((observable, before, after) -> selectLanguage(group, after));

        Label label = label(LANGUAGE_LABEL_ID);
        label.textProperty().bind(model.languageLabelProperty());
        label.setMnemonicParsing(true);
        // The label's mnemonic moves the focus to the selected language, as a form label does.
        label.setLabelFor(japanese.isSelected() ? japanese : english);
        group.selectedToggleProperty().addListener((observable, before, after) -> {
            if (after instanceof RadioButton selected) {
                label.setLabelFor(selected);
            }
        });
        HBox languageSwitch = new HBox(12, label, japanese, english);
        languageSwitch.setStyle("-fx-alignment: center-left;");
        return languageSwitch;
    }

    private static RadioButton choice(String id, UiLanguage language, ToggleGroup group) {
        RadioButton button = new RadioButton();
        button.setId(id);
        button.setUserData(language);
        button.setToggleGroup(group);
        button.setMnemonicParsing(true);
        return button;
    }

    private static void selectLanguage(ToggleGroup group, UiLanguage language) {
        for (Toggle toggle : group.getToggles()) {
            if (toggle.getUserData() == language) {
                group.selectToggle(toggle);
            }
        }
    }

    private static Label label(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        return label;
    }
}
