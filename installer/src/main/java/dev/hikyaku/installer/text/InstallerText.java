package dev.hikyaku.installer.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The installer's user-facing texts, looked up in its Japanese and English resource bundles. */
public final class InstallerText {
    private static final String BUNDLE = "dev.hikyaku.installer.messages";

    // Without this control, asking for English on a Japanese OS would fall back to the OS locale's bundle.
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private InstallerText() {
    }

    /** The text for {@code key} in {@code locale}, with {@code arguments} filled in. */
    public static String format(Locale locale, String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }
}
