package dev.hikyaku.app.i18n;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The texts of one language, read from the app's resource bundle. */
public final class Messages {
    /** The base name of the bundle, shared by every language. */
    public static final String BUNDLE = "dev.hikyaku.app.messages";

    // Without this control, asking for English on a Japanese OS would fall back to the OS locale's bundle.
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final UiLanguage language;
    private final ResourceBundle bundle;

    /** Loads the texts of {@code language}. */
    public Messages(UiLanguage language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(), NO_FALLBACK);
    }

    /** The text for {@code key} with {@code arguments} filled in. */
    public String format(MessageKey key, Object... arguments) {
        Object[] filled = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            filled[i] = arguments[i] instanceof Localized localized ? localized.in(language.locale()) : arguments[i];
        }
        return new MessageFormat(bundle.getString(key.key()), language.locale()).format(filled);
    }
}
