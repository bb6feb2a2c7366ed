package dev.hikyaku.app.smime;

import dev.hikyaku.app.i18n.Localized;
import dev.hikyaku.smime.text.Notice;
import java.util.Locale;

/**
 * A text of the S/MIME engine as a message argument, so that it follows the language switch like the app's own texts.
 *
 * @param notice the engine's text
 */
record NoticeText(Notice notice) implements Localized {
    @Override
    public String in(Locale locale) {
        return notice.text(locale);
    }
}
