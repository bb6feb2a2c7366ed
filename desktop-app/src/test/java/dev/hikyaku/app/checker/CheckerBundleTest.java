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
}
