package dev.hikyaku.gateway.packaging.passphrase;

import dev.hikyaku.gateway.text.GatewayText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The passphrase book or its key cannot be used as it is (damaged, undecryptable, missing key, key readable
 * by others); nothing was overwritten. Carries what to do in the user's language.
 */
public final class PassphraseBookException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What went wrong; each names a resource-bundle key. */
    public enum Reason {
        DAMAGED("packaging.book.damaged"),
        UNDECRYPTABLE("packaging.book.undecryptable"),
        NEWER("packaging.book.newer"),
        KEY_MISSING("packaging.book.keyMissing"),
        KEY_DAMAGED("packaging.book.keyDamaged"),
        KEY_EXPOSED("packaging.book.keyExposed"),
        KEY_EXISTS("packaging.book.keyExists");

        private final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }

        /** The resource-bundle key of the user's message. */
        public String messageKey() {
            return messageKey;
        }
    }

    private final Reason reason;
    private final String file;

    PassphraseBookException(Reason reason, Path file, Throwable cause) {
        super(GatewayText.format(Locale.ENGLISH, reason.messageKey(), file.toString()), cause);
        this.reason = reason;
        this.file = file.toString();
    }

    PassphraseBookException(Reason reason, Path file) {
        this(reason, file, null);
    }

    /** What went wrong. */
    public Reason reason() {
        return reason;
    }

    /** The message in the given language. */
    public String message(Locale locale) {
        return GatewayText.format(locale, reason.messageKey(), file);
    }
}
