package dev.hikyaku.app.i18n;

import java.util.Locale;

/** The languages the windows speak. */
public enum UiLanguage {
    /** 日本語. */
    JAPANESE(Locale.JAPANESE),
    /** English, also the fallback for every language not listed here. */
    ENGLISH(Locale.ENGLISH);

    private final Locale locale;

    UiLanguage(Locale locale) {
        this.locale = locale;
    }

    /** The locale whose resource bundle holds this language's texts. */
    public Locale locale() {
        return locale;
    }

    /** Japanese for any Japanese locale (ja, ja-JP, ja-JP-u-ca-japanese), English for everything else. */
    public static UiLanguage forLocale(Locale locale) {
        return "ja".equals(locale.getLanguage()) ? JAPANESE : ENGLISH;
    }
}
