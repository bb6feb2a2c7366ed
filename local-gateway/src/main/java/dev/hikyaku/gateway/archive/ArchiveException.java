package dev.hikyaku.gateway.archive;

import dev.hikyaku.gateway.text.GatewayText;
import java.io.IOException;
import java.util.Locale;

/** The archive could not be opened, read or written (disk, database), with what to do in the user's language. */
public final class ArchiveException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final String detail;

    ArchiveException(String messageKey, String detail, Throwable cause) {
        super(GatewayText.format(Locale.ENGLISH, messageKey, detail), cause);
        this.messageKey = messageKey;
        this.detail = detail;
    }

    /** The resource-bundle key naming the failure. */
    public String messageKey() {
        return messageKey;
    }

    /** The message in the given language. */
    public String message(Locale locale) {
        return GatewayText.format(locale, messageKey, detail);
    }
}
