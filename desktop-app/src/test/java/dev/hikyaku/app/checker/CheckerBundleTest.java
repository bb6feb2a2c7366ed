package dev.hikyaku.app.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.app.i18n.BundleChecks;
import dev.hikyaku.app.i18n.Messages;
import dev.hikyaku.app.i18n.UiLanguage;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class CheckerBundleTest {
    @Test
    void theCheckerBundleIsComplete() throws IOException {
        BundleChecks.assertComplete(CheckerText.class);
    }

    @Test
    void everyLevelHasAWordInBothLanguages() {
        for (Level level : Level.values()) {
            new Messages(UiLanguage.ENGLISH).format(CheckerText.level(level));
        }
        assertEquals("平文の可能性", new Messages(UiLanguage.JAPANESE).format(CheckerText.level(Level.PLAINTEXT)));
    }

    @Test
    void countsReadWell() {
        Messages english = new Messages(UiLanguage.ENGLISH);
        assertEquals("Checked 1 domain.", english.format(CheckerText.STATUS_DONE, 1L));
        assertEquals("Checking… 0 of 1 domain done.", english.format(CheckerText.STATUS_PROBING, 0L, 1L));
        assertEquals("Checking… 1 of 3 domains done.", english.format(CheckerText.STATUS_PROBING, 1L, 3L));
        assertEquals("3 件のドメインを調べました。", new Messages(UiLanguage.JAPANESE).format(CheckerText.STATUS_DONE, 3L));
    }
}
