package dev.hikyaku.app.smime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hikyaku.app.i18n.BundleChecks;
import dev.hikyaku.app.i18n.Messages;
import dev.hikyaku.app.i18n.UiLanguage;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SmimeBundleTest {
    @Test
    void theSmimeBundleIsComplete() throws IOException {
        BundleChecks.assertComplete(SmimeText.class);
    }

    @Test
    void everyStrengthAndStateHasAText() {
        for (PasswordStrength strength : PasswordStrength.values()) {
            new Messages(UiLanguage.JAPANESE).format(SmimeText.strength(strength));
        }
        for (OwnCertificate.State state : OwnCertificate.State.values()) {
            new Messages(UiLanguage.ENGLISH).format(SmimeText.ownState(state));
        }
        assertEquals("1 new certificate from 2 files.", new Messages(UiLanguage.ENGLISH).format(SmimeText.LIST_IMPORTED, 1L, 2));
    }

    @Test
    void strengthGrowsWithLengthAndKinds() {
        assertEquals(PasswordStrength.TOO_SHORT, PasswordStrength.of("Ab1!"));
        assertEquals(PasswordStrength.WEAK, PasswordStrength.of("abcdefghij"));
        assertEquals(PasswordStrength.FAIR, PasswordStrength.of("abcdefghij12AB"));
        assertEquals(PasswordStrength.STRONG, PasswordStrength.of("correct Horse 42 battery"));
    }
}
