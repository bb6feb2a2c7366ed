package dev.hikyaku.app.system;

import dev.hikyaku.app.i18n.Localized;
import dev.hikyaku.app.i18n.Messages;
import dev.hikyaku.app.i18n.UiLanguage;
import java.util.List;
import java.util.Locale;

/** The start-at-sign-in setting could not be read or changed; pass it as a text argument to show why. */
public final class LoginStartException extends Exception implements Localized {
    private static final long serialVersionUID = 1L;

    private final SystemText reason;
    private final List<String> arguments;

    LoginStartException(Throwable cause, SystemText reason, String... arguments) {
        super(new Messages(UiLanguage.ENGLISH).format(reason, (Object[]) arguments), cause);
        this.reason = reason;
        this.arguments = List.of(arguments);
    }

    /** Which of the known problems this is. */
    public SystemText reason() {
        return reason;
    }

    @Override
    public String in(Locale locale) {
        return new Messages(UiLanguage.forLocale(locale)).format(reason, arguments.toArray());
    }
}
