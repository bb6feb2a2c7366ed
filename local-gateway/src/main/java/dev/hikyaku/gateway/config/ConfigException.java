package dev.hikyaku.gateway.config;

import dev.hikyaku.gateway.listen.ListenAddressException;
import dev.hikyaku.gateway.text.GatewayText;
import java.util.Arrays;
import java.util.Locale;

/** A configuration the gateway refuses, naming the key (and line) and what is wrong, in the user's language. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final transient Object[] values;

    /** A problem described by bundle key {@code messageKey} with {@code values} (a nested listen problem is localized too). */
    public ConfigException(String messageKey, Object... values) {
        super(messageKey);
        this.messageKey = messageKey;
        this.values = values.clone();
    }

    /** The text for the user. */
    public String message(Locale locale) {
        Object[] localized = Arrays.stream(values)
                .map(value -> value instanceof ListenAddressException listen ? listen.message(locale) : value).toArray();
        return GatewayText.format(locale, messageKey, localized);
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }
}
