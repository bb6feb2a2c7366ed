package dev.hikyaku.app.settings;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.TextKey;
import dev.hikyaku.app.shell.AppServices;
import dev.hikyaku.app.shell.Section;
import dev.hikyaku.app.system.LoginStart;
import dev.hikyaku.app.system.LoginStartPane;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The settings tab: gateway.conf as a form in pages (server, domains and packaging, guards), the contacts'
 * passphrases and the language, with one Save that checks the form as the gateway would, rewrites the file and
 * restarts the gateway.
 */
public final class SettingsSection implements Section {
    /** The tab's id. */
    public static final String SECTION_ID = "settingsSection";
    static final String PAGES_ID = "settingsPages";
    static final String SAVE_ID = "settingsSave";
    static final String REVERT_ID = "settingsRevert";
    static final String STATUS_ID = "settingsStatus";
    static final String OVERRIDES_ID = "settingsOverrides";

    private final AppServices services;
    private final Optional<LoginStart> loginStart;

    /** The settings of the app's gateway, and starting at sign-in through {@code loginStart} (empty: not offered). */
    public SettingsSection(AppServices services, Optional<LoginStart> loginStart) {
        this.services = services;
        this.loginStart = loginStart;
    }

    @Override
    public String id() {
        return SECTION_ID;
    }

    @Override
    public TextKey title() {
        return SettingsText.TAB_TITLE;
    }

    @Override
    public Node content() {
        LiveText text = services.text();
        SettingsModel model = new SettingsModel(text, services.gateway(), services.clock(), services.background(),
                services.ui());
        PassphraseModel passphrases = new PassphraseModel(text, services.gateway(), services.background(),
                services.ui());
        FieldRows rows = new FieldRows(text, model);

        TabPane pages = new TabPane();
        pages.setId(PAGES_ID);
        pages.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Map<SettingsPage, Tab> tabs = new EnumMap<>(SettingsPage.class);
        for (SettingsPage page : SettingsPage.values()) {
            Tab tab = new Tab();
            tab.setId(page.id());
            tab.textProperty().bind(text.text(page.title()));
            tab.setContent(scrolled(page(page, text, model, rows, passphrases)));
            tabs.put(page, tab);
            pages.getTabs().add(tab);
        }
        model.firstProblemProperty().addListener((observable, before, field) -> {
            if (field != null) {
                pages.getSelectionModel().select(tabs.get(field.group().page()));
                rows.built(field).ifPresent(Node::requestFocus);
            }
        });

        BorderPane root = new BorderPane(pages);
        root.setBottom(saveBar(text, model));
        model.load();
        passphrases.refresh();
        return root;
    }

    private Node page(SettingsPage page, LiveText text, SettingsModel model, FieldRows rows,
                      PassphraseModel passphrases) {
        VBox content = new VBox(12);
        content.setPadding(new Insets(12));
        switch (page) {
            case SERVER -> {
                content.getChildren().add(group(text, SettingGroup.UPSTREAM, rows,
                        hint(text, SettingsText.UPSTREAM_HINT), new ConnectionTestPane(text, model).content()));
                content.getChildren().add(group(text, SettingGroup.SUBMISSION, rows));
                if (!model.overrides().isEmpty()) {
                    Label overrides = hint(text, SettingsText.OVERRIDE_NOTE, model.overrides());
                    overrides.setId(OVERRIDES_ID);
                    content.getChildren().add(overrides);
                }
            }
            case ROUTES -> content.getChildren().addAll(group(text, SettingGroup.DOMAINS, rows),
                    group(text, SettingGroup.PACKAGING, rows, hint(text, SettingsText.PACKAGING_HINT)));
            case GUARDS -> {
                content.getChildren().add(hint(text, SettingsText.GUARDS_HINT));
                for (SettingGroup group : SettingGroup.values()) {
                    if (group.page() == SettingsPage.GUARDS) {
                        content.getChildren().add(group(text, group, rows));
                    }
                }
            }
            case PASSPHRASES -> content.getChildren().add(new PassphrasePane(text, passphrases).content());
            case LANGUAGE -> content.getChildren().addAll(new LanguagePane(text, services.dataDirectory(),
                    services.background(), services.ui()).content(), new Separator(),
                    new LoginStartPane(text, loginStart, services.background(), services.ui()).content());
        }
        return content;
    }

    private static TitledPane group(LiveText text, SettingGroup group, FieldRows rows) {
        return group(text, group, rows, null);
    }

    /** A titled group: {@code hint} (when given) over the fields, then {@code after} (what acts on them). */
    private static TitledPane group(LiveText text, SettingGroup group, FieldRows rows, Node hint, Node... after) {
        VBox body = new VBox(8);
        if (hint != null) {
            body.getChildren().add(hint);
        }
        body.getChildren().add(rows.grid(group));
        body.getChildren().addAll(after);
        TitledPane pane = new TitledPane();
        pane.setId("group-" + group.name().toLowerCase(Locale.ROOT));
        pane.textProperty().bind(text.text(group.title()));
        pane.setCollapsible(false);
        pane.setContent(body);
        return pane;
    }

    private static Label hint(LiveText text, SettingsText key, Object... arguments) {
        Label hint = new Label();
        hint.textProperty().bind(text.text(key, arguments));
        hint.setWrapText(true);
        return hint;
    }

    private static ScrollPane scrolled(Node page) {
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static Node saveBar(LiveText text, SettingsModel model) {
        Button save = new Button();
        save.setId(SAVE_ID);
        save.textProperty().bind(text.text(SettingsText.SAVE));
        save.setMnemonicParsing(true);
        save.disableProperty().bind(model.busyProperty());
        save.setOnAction(event -> model.save());

        Button revert = new Button();
        revert.setId(REVERT_ID);
        revert.textProperty().bind(text.text(SettingsText.REVERT));
        revert.setMnemonicParsing(true);
        revert.disableProperty().bind(model.busyProperty());
        revert.setOnAction(event -> model.load());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.busyProperty());

        Label status = new Label();
        status.setId(STATUS_ID);
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);

        HBox bar = new HBox(10, save, revert, progress, status);
        bar.setPadding(new Insets(8, 12, 10, 12));
        bar.setStyle("-fx-alignment: center-left;");
        return bar;
    }
}
