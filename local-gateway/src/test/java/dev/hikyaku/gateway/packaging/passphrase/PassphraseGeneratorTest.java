package dev.hikyaku.gateway.packaging.passphrase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PassphraseGeneratorTest {
    private final PassphraseGenerator generator = new PassphraseGenerator(new SecureRandom());

    @Test
    void passphrasesAreSixGroupsOfFourUnambiguousCharacters() {
        for (int i = 0; i < 200; i++) {
            Passphrase passphrase = generator.next();
            String text = new String(passphrase.chars());
            assertTrue(text.matches("[2-9a-hjkmnp-z]{4}(-[2-9a-hjkmnp-z]{4}){5}"), text);
            assertFalse(text.matches(".*[01ilo].*"), "no look-alikes: " + text);
        }
        assertTrue(PassphraseGenerator.bits() > 100, "about 119 bits: " + PassphraseGenerator.bits());
    }

    @Test
    void passphrasesDifferAndUseTheWholeAlphabet() {
        Set<String> seen = new HashSet<>();
        Set<Character> characters = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String text = new String(generator.next().chars());
            seen.add(text);
            text.chars().filter(c -> c != '-').forEach(c -> characters.add((char) c));
        }
        assertEquals(500, seen.size());
        assertEquals(PassphraseGenerator.ALPHABET.length(), characters.size());
    }

    @Test
    void aPassphraseHidesItselfAndCanBeCleared() {
        Passphrase passphrase = Passphrase.of("secret-words-here".toCharArray());
        assertEquals("Passphrase[hidden]", passphrase.toString());
        assertTrue(passphrase.appearsIn("the password is SECRET-WORDS-HERE, see"));
        assertFalse(passphrase.appearsIn("secret words here"));
        char[] copy = passphrase.chars();
        copy[0] = 'X';
        assertEquals('s', passphrase.chars()[0], "chars() hands out copies");
        passphrase.clear();
        assertEquals(new String(new char[17]), new String(passphrase.chars()));
    }
}
