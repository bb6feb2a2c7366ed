package dev.hikyaku.app.settings;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.UiLanguage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/** The windows' language: Japanese, English or the system's; applied at once and kept for the next start. */
final class LanguagePane {
    static final String SYSTEM_ID = "settingsLanguageSystem";
    static final String JAPANESE_ID = "settingsLanguageJapanese";
    static final String ENGLISH_ID = "settingsLanguageEnglish";
    static final String STATUS_ID = "settingsLanguageStatus";
    /** The system choice's user data; the others carry their UiLanguage's name. */
    private static final String SYSTEM = "system";

    private final LiveText text;
    private final LanguagePreference preference;
    private final Executor background;
    private final Executor ui;

    LanguagePane(LiveText text, Path dataDirectory, Executor background, Executor ui) {
        this.text = text;
        this.preference = new LanguagePreference(dataDirectory);
        this.background = background;
        this.ui = ui;
    }

    Node content() {
        ToggleGroup group = new ToggleGroup();
        RadioButton system = choice(SYSTEM_ID, SettingsText.LANGUAGE_SYSTEM, Optional.empty(), group);
        RadioButton japanese = choice(JAPANESE_ID, SettingsText.LANGUAGE_JAPANESE, Optional.of(UiLanguage.JAPANESE),
                group);
        RadioButton english = choice(ENGLISH_ID, SettingsText.LANGUAGE_ENGLISH, Optional.of(UiLanguage.ENGLISH), group);
        Label status = new Label();
        status.setId(STATUS_ID);
        status.setWrapText(true);

        Label label = new Label();
        label.textProperty().bind(text.text(SettingsText.LANGUAGE_LABEL));
        label.setLabelFor(japanese);
        Label hint = new Label();
        hint.textProperty().bind(text.text(SettingsText.LANGUAGE_HINT));
        hint.setWrapText(true);

        background.execute(() -> {
            Optional<UiLanguage> saved = preference.saved();
            ui.execute(() -> group.selectToggle(saved.isEmpty() ? system
                    : saved.get() == UiLanguage.JAPANESE ? japanese : english));
            ui.execute(() -> group.selectedToggleProperty().addListener((observable, before, after) -> {
                if (after != null) {
                    choose(after.getUserData(), status);
                }
            }));
        });
        return new VBox(8, label, system, japanese, english, hint, status);
    }

    private void choose(Object choice, Label status) {
        Optional<UiLanguage> language = SYSTEM.equals(choice) ? Optional.empty()
                : Optional.of(UiLanguage.valueOf((String) choice));
        language.ifPresent(text.languageProperty()::set);
        background.execute(() -> {
            try {
                preference.save(language);
                ui.execute(() -> {
                    status.textProperty().unbind();
                    status.setText("");
                });
            } catch (IOException e) {
                String reason = String.valueOf(e.getMessage());
                ui.execute(() -> status.textProperty().bind(text.text(SettingsText.LANGUAGE_FAILED, reason)));
            }
        });
    }

    private RadioButton choice(String id, SettingsText label, Optional<UiLanguage> language, ToggleGroup group) {
        RadioButton button = new RadioButton();
        button.setId(id);
        button.textProperty().bind(text.text(label));
        button.setUserData(language.map(UiLanguage::name).orElse(SYSTEM));
        button.setToggleGroup(group);
        return button;
    }
}
