package dev.hikyaku.smime.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The S/MIME module's user-facing texts, looked up in its Japanese and English resource bundles. */
public final class SmimeText {
    private static final String BUNDLE = "dev.hikyaku.smime.messages";

    private SmimeText() {
    }

    /** The text for {@code key} in {@code locale}, with {@code arguments} filled in. */
    public static String format(Locale locale, String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                // Without this, English asked for on a Japanese PC would fall back to the Japanese bundle.
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }
}
