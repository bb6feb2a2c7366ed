package dev.hikyaku.gateway.identity;

import dev.hikyaku.gateway.text.GatewayText;
import java.util.Locale;
import java.util.Objects;

/** The identity store stays locked: a wrong password, no store yet, or an unreadable file; says so in either language. */
public final class UnlockRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String messageKey;

    /** A refusal told by the gateway bundle's {@code messageKey}. */
    public UnlockRefusedException(String messageKey, Throwable cause) {
        super(GatewayText.format(Locale.ENGLISH, messageKey), cause);
        this.messageKey = Objects.requireNonNull(messageKey, "messageKey");
    }

    /** The bundle key, e.g. {@code identity.wrongPassword}. */
    public String messageKey() {
        return messageKey;
    }

    /** The notice in the given language. */
    public String message(Locale locale) {
        return GatewayText.format(locale, messageKey);
    }
}
