package dev.hikyaku.app.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class UiLanguageTest {
    @Test
    void japaneseLocalesPickJapanese() {
        assertEquals(UiLanguage.JAPANESE, UiLanguage.forLocale(Locale.JAPAN));
        assertEquals(UiLanguage.JAPANESE, UiLanguage.forLocale(Locale.forLanguageTag("ja")));
        assertEquals(UiLanguage.JAPANESE, UiLanguage.forLocale(Locale.forLanguageTag("ja-JP-u-ca-japanese")));
    }

    @Test
    void everyOtherLocalePicksEnglish() {
        assertEquals(UiLanguage.ENGLISH, UiLanguage.forLocale(Locale.US));
        assertEquals(UiLanguage.ENGLISH, UiLanguage.forLocale(Locale.GERMANY));
        assertEquals(UiLanguage.ENGLISH, UiLanguage.forLocale(Locale.ROOT));
    }

    @Test
    void englishDoesNotFallBackToTheJapaneseBundle() {
        // The JVM default locale must not leak in: English is the root bundle, whatever the OS says.
        assertEquals("Status", new Messages(UiLanguage.ENGLISH).format(MessageKey.STATUS_HEADING));
    }
}
