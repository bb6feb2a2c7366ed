package dev.hikyaku.app.settings;

import java.util.Locale;

/** The settings section's pages (inner tabs), in order. */
enum SettingsPage {
    SERVER(SettingsText.PAGE_SERVER),
    ROUTES(SettingsText.PAGE_ROUTES),
    GUARDS(SettingsText.PAGE_GUARDS),
    PASSPHRASES(SettingsText.PAGE_PASSPHRASES),
    LANGUAGE(SettingsText.PAGE_LANGUAGE);

    private final SettingsText title;

    SettingsPage(SettingsText title) {
        this.title = title;
    }

    SettingsText title() {
        return title;
    }

    /** The inner tab's node id. */
    String id() {
        return "settingsPage-" + name().toLowerCase(Locale.ROOT);
    }
}
