package dev.hikyaku.installer.thunderbird;

import dev.hikyaku.installer.text.InstallerText;
import java.util.List;
import java.util.Locale;

/** Something about the user's Thunderbird files that stops the set-up, with what to do in their language. */
public final class ThunderbirdSetupException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final List<String> arguments;

    ThunderbirdSetupException(String messageKey, String... arguments) {
        this(null, messageKey, arguments);
    }

    ThunderbirdSetupException(Throwable cause, String messageKey, String... arguments) {
        super(InstallerText.format(Locale.ENGLISH, messageKey, (Object[]) arguments), cause);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    /** The resource-bundle key naming the reason. */
    public String messageKey() {
        return messageKey;
    }

    /** The message in the given language. */
    public String message(Locale locale) {
        return InstallerText.format(locale, messageKey, arguments.toArray());
    }
}
