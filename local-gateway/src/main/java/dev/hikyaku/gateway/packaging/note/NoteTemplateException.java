package dev.hikyaku.gateway.packaging.note;

import dev.hikyaku.gateway.text.GatewayText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** A user's note template cannot be used (too large, not UTF-8); says which file in the user's language. */
public final class NoteTemplateException extends IOException {
    private static final long serialVersionUID = 1L;
    private static final String KEY = "packaging.note.unusable";

    private final String file;

    NoteTemplateException(Path file, Throwable cause) {
        super(GatewayText.format(Locale.ENGLISH, KEY, file.toString()), cause);
        this.file = file.toString();
    }

    /** The message in the given language. */
    public String message(Locale locale) {
        return GatewayText.format(locale, KEY, file);
    }
}
