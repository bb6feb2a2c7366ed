package dev.hikyaku.gateway.listen;

import dev.hikyaku.gateway.text.GatewayText;
import java.util.Locale;

/** A listen address or port the gateway refuses, with what to do about it in the user's language. */
public final class ListenAddressException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final String value;

    ListenAddressException(String messageKey, String value) {
        super(GatewayText.format(Locale.ENGLISH, messageKey, value));
        this.messageKey = messageKey;
        this.value = value;
    }

    /** The resource-bundle key naming the reason. */
    public String messageKey() {
        return messageKey;
    }

    /** The message in the given language. */
    public String message(Locale locale) {
        return GatewayText.format(locale, messageKey, value);
    }
}
