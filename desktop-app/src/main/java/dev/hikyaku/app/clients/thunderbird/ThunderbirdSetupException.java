package dev.hikyaku.app.clients.thunderbird;

import dev.hikyaku.app.i18n.Localized;
import dev.hikyaku.app.i18n.Messages;
import dev.hikyaku.app.i18n.UiLanguage;
import java.util.List;
import java.util.Locale;

/**
 * Something about the user's Thunderbird files that stops the set-up, with what to do in their language; pass it
 * as a text argument ({@link Localized}) to show it.
 */
public final class ThunderbirdSetupException extends Exception implements Localized {
    private static final long serialVersionUID = 1L;

    private final ThunderbirdText reason;
    private final List<String> arguments;

    ThunderbirdSetupException(ThunderbirdText reason, String... arguments) {
        this(null, reason, arguments);
    }

    ThunderbirdSetupException(Throwable cause, ThunderbirdText reason, String... arguments) {
        super(new Messages(UiLanguage.ENGLISH).format(reason, (Object[]) arguments), cause);
        this.reason = reason;
        this.arguments = List.of(arguments);
    }

    /** Which of the known problems this is. */
    public ThunderbirdText reason() {
        return reason;
    }

    /** The message in the given language. */
    public String message(Locale locale) {
        return in(locale);
    }

    @Override
    public String in(Locale locale) {
        return new Messages(UiLanguage.forLocale(locale)).format(reason, arguments.toArray());
    }
}
