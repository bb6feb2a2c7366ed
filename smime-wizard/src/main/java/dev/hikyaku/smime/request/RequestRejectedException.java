package dev.hikyaku.smime.request;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Input to a certificate request that the wizard refuses, with a message saying what to fix, in the user's language. */
public final class RequestRejectedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private static final String BUNDLE = "dev.hikyaku.smime.messages";

    private final String messageKey;
    private final transient Object[] arguments;

    RequestRejectedException(String messageKey, Object... arguments) {
        super(format(Locale.ENGLISH, messageKey, arguments));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    /** The resource-bundle key of the message, stable for tests and for the app's own wording. */
    public String messageKey() {
        return messageKey;
    }

    /** The message in the given language (Japanese and English are provided). */
    public String message(Locale locale) {
        return format(locale, messageKey, arguments);
    }

    private static String format(Locale locale, String key, Object[] arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                // Without this, English asked for on a Japanese PC would fall back to the Japanese bundle.
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }
}
