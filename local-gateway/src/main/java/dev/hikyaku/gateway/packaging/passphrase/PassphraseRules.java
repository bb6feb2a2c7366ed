package dev.hikyaku.gateway.packaging.passphrase;

import java.util.Optional;

/**
 * What an agreed passphrase and its hint must be. Printable ASCII only: zip tools turn other characters into
 * bytes in different ways, so a Japanese passphrase that opens the zip in one tool fails in another.
 */
public final class PassphraseRules {
    /** Shorter passphrases fall to guessing: the zip format allows only 1000 PBKDF2 iterations. */
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    public static final int MAX_HINT_LENGTH = 200;

    private PassphraseRules() {
    }

    /**
     * The resource-bundle key of what is wrong with the passphrase and hint (see
     * {@code dev.hikyaku.gateway.messages}, keys {@code packaging.passphrase.*}), or empty when both are fine.
     */
    public static Optional<String> problem(char[] passphrase, String hint) {
        if (passphrase.length < MIN_LENGTH || passphrase.length > MAX_LENGTH) {
            return Optional.of("packaging.passphrase.length");
        }
        for (char c : passphrase) {
            if (c < 0x20 || c > 0x7e) {
                return Optional.of("packaging.passphrase.characters");
            }
        }
        Passphrase copy = Passphrase.of(passphrase);
        try {
            return hintProblem(hint, copy);
        } finally {
            copy.clear();
        }
    }

    /** The resource-bundle key of what is wrong with a hint for {@code passphrase}, or empty when it is fine. */
    public static Optional<String> hintProblem(String hint, Passphrase passphrase) {
        if (hint.isBlank() || hint.length() > MAX_HINT_LENGTH || hint.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("packaging.passphrase.hint");
        }
        if (passphrase.appearsIn(hint)) {
            return Optional.of("packaging.passphrase.hintReveals");
        }
        return Optional.empty();
    }
}
