package dev.hikyaku.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hikyaku.app.i18n.UiLanguage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HikyakuAppTest {
    @Test
    void theOsLocalePicksTheStartLanguage() {
        assertEquals(UiLanguage.JAPANESE, HikyakuApp.startLanguage(Map.of("os-locale", "ja-JP")));
        assertEquals(UiLanguage.ENGLISH, HikyakuApp.startLanguage(Map.of("os-locale", "fr-FR")));
    }

    @Test
    void anExplicitLanguageWinsOverTheOsLocale() {
        assertEquals(UiLanguage.ENGLISH, HikyakuApp.startLanguage(Map.of("os-locale", "ja-JP", "lang", "en")));
    }

    @Test
    void withNothingGivenTheAppSpeaksEnglish() {
        assertEquals(UiLanguage.ENGLISH, HikyakuApp.startLanguage(Map.of()));
    }
}
