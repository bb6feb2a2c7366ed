package dev.hikyaku.gateway.packaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.hikyaku.gateway.packaging.passphrase.PassphraseBookException;
import dev.hikyaku.gateway.text.GatewayText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PackagingTextsTest {

    @Test
    void everyPackagingMessageExistsInJapaneseAndEnglish() {
        List<String> keys = new ArrayList<>(List.of("packaging.passphrase.length", "packaging.passphrase.characters",
                "packaging.passphrase.hint", "packaging.passphrase.hintReveals", "packaging.note.unusable"));
        for (PackagingException.Reason reason : PackagingException.Reason.values()) {
            keys.add(reason.messageKey());
        }
        for (PassphraseBookException.Reason reason : PassphraseBookException.Reason.values()) {
            keys.add(reason.messageKey());
        }
        for (String key : keys) {
            String english = GatewayText.format(Locale.ENGLISH, key, "/data/passphrases.book");
            String japanese = GatewayText.format(Locale.JAPANESE, key, "/data/passphrases.book");
            assertNotEquals(english, japanese, key);
            assertFalse(english.contains("{") || japanese.contains("{"), key);
        }
    }
}
