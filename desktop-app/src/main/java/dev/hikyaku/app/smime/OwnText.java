package dev.hikyaku.app.smime;

import dev.hikyaku.app.i18n.Localized;
import dev.hikyaku.app.i18n.Messages;
import dev.hikyaku.app.i18n.UiLanguage;
import java.util.List;
import java.util.Locale;

/**
 * One of this package's texts with its arguments, told in whichever language is current when it is shown.
 *
 * @param key       the text
 * @param arguments its arguments
 */
record OwnText(SmimeText key, List<Object> arguments) implements Localized {

    OwnText(SmimeText key, Object... arguments) {
        this(key, List.of(arguments));
    }

    @Override
    public String in(Locale locale) {
        return new Messages(UiLanguage.forLocale(locale)).format(key, arguments.toArray());
    }
}
