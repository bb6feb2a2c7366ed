package dev.hikyaku.smime.text;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Something to tell the user (a problem or a warning), kept as a bundle key and its arguments so that it can be
 * shown in the user's language whenever it is shown.
 *
 * @param key       the key in {@code dev/hikyaku/smime/messages*.properties}
 * @param arguments the values for the message's placeholders
 */
public record Notice(String key, List<Object> arguments) {

    /** Copies the arguments. */
    public Notice {
        Objects.requireNonNull(key, "key");
        arguments = List.copyOf(arguments);
    }

    /** A notice for the key with the given arguments. */
    public static Notice of(String key, Object... arguments) {
        return new Notice(key, List.of(arguments));
    }

    /** The text in the given language (Japanese and English are provided). */
    public String text(Locale locale) {
        return SmimeText.format(locale, key, arguments.toArray());
    }
}
