package dev.hikyaku.smime.request;

import dev.hikyaku.smime.text.SmimeText;
import java.util.Locale;

/** Input to a certificate request that the wizard refuses, with a message saying what to fix, in the user's language. */
public final class RequestRejectedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

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
        return SmimeText.format(locale, key, arguments);
    }
}
