package dev.hikyaku.app.clients.thunderbird;

import dev.hikyaku.app.i18n.TextKey;

/** The Thunderbird set-up's texts, by their key in {@code dev/hikyaku/app/clients/thunderbird/messages*.properties}. */
public enum ThunderbirdText implements TextKey {
    /** Windows without APPDATA. */
    NO_APP_DATA("thunderbird.noAppData"),
    /** An APPDATA that is not a full path. */
    BAD_APP_DATA("thunderbird.badAppData"),
    /** No profiles.ini in the Thunderbird folder. */
    PROFILES_NO_INI("profiles.noIni"),
    /** A profile section without Path=. */
    PROFILES_NO_PATH("profiles.noPath"),
    /** A profile path that is not a path. */
    PROFILES_BAD_PATH("profiles.badPath"),
    /** IsRelative=0 on a relative path. */
    PROFILES_NOT_ABSOLUTE("profiles.notAbsolute"),
    /** A relative profile path leaving the Thunderbird folder. */
    PROFILES_PATH_ESCAPES("profiles.pathEscapes"),
    /** A file that is not there. */
    FILE_MISSING("file.missing"),
    /** A file that cannot be read. */
    FILE_UNREADABLE("file.unreadable"),
    /** A file far larger than Thunderbird writes. */
    FILE_TOO_LARGE("file.tooLarge");

    private static final String BUNDLE = "dev.hikyaku.app.clients.thunderbird.messages";

    private final String key;

    ThunderbirdText(String key) {
        this.key = key;
    }

    @Override
    public String bundle() {
        return BUNDLE;
    }

    @Override
    public String key() {
        return key;
    }
}
