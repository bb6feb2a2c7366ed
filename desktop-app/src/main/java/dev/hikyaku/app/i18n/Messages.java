package dev.hikyaku.app.i18n;

import java.text.MessageFormat;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/** The texts of one language, read from the windows' resource bundles. */
public final class Messages {
    /** The base name of the bundle, shared by every language. */
    public static final String BUNDLE = "dev.hikyaku.app.messages";

    // Without this control, asking for English on a Japanese OS would fall back to the OS locale's bundle.
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final UiLanguage language;
    private final Map<String, ResourceBundle> bundles = new ConcurrentHashMap<>();

    /** The texts of {@code language}; each bundle is loaded when first asked for. */
    public Messages(UiLanguage language) {
        this.language = language;
    }

    /** The text for {@code key} with {@code arguments} filled in. */
    public String format(TextKey key, Object... arguments) {
        ResourceBundle bundle = bundles.computeIfAbsent(key.bundle(),
                name -> ResourceBundle.getBundle(name, language.locale(), NO_FALLBACK));
        Object[] filled = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            filled[i] = arguments[i] instanceof Localized localized ? localized.in(language.locale()) : arguments[i];
        }
        return new MessageFormat(bundle.getString(key.key()), language.locale()).format(filled);
    }
}
