package dev.hikyaku.advisor.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The command line's sentences in the user's language. */
final class AdvisorText {
    private final ResourceBundle bundle;
    private final Locale locale;

    AdvisorText(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("dev.hikyaku.advisor.cli.messages", locale,
                // Without this, English asked for on a Japanese PC would fall back to the Japanese bundle.
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    String format(String key, Object... values) {
        return new MessageFormat(bundle.getString(key), locale).format(values);
    }

    Locale locale() {
        return locale;
    }
}
