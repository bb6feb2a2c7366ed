package dev.hikyaku.gateway.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The gateway's user-facing texts, looked up in its Japanese and English resource bundles. */
public final class GatewayText {
    private static final String BUNDLE = "dev.hikyaku.gateway.messages";

    private GatewayText() {
    }

    /** The text for {@code key} in {@code locale}, with {@code arguments} filled in. */
    public static String format(Locale locale, String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                // Without this, English asked for on a Japanese PC would fall back to the Japanese bundle.
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    /**
     * The text in Japanese, then English ("ja / en"): for details stored once and shown to whoever reads them (the
     * queue, the archive, notices, the tray).
     */
    public static String bilingual(String key, Object... arguments) {
        return format(Locale.JAPANESE, key, arguments) + " / " + format(Locale.ENGLISH, key, arguments);
    }
}
