package dev.hikyaku.gateway.packaging.passphrase;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Makes fresh passphrases meant to be read out over the phone or typed from a chat: lower-case letters and
 * digits without the look-alikes 0/o, 1/l/i, in six groups of four joined by hyphens, such as
 * {@code k7qm-2xhe-9taw-p4cz-r3nd-w8fy}: 24 characters from 31, about 119 bits.
 */
public final class PassphraseGenerator {
    /** The characters used: no 0, 1, i, l or o, which are mistaken for each other. */
    public static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    private static final int GROUPS = 6;
    private static final int GROUP_LENGTH = 4;

    private final SecureRandom random;

    /** A generator drawing from {@code random}. */
    public PassphraseGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new passphrase. */
    public Passphrase next() {
        char[] chars = new char[GROUPS * (GROUP_LENGTH + 1) - 1];
        int at = 0;
        for (int group = 0; group < GROUPS; group++) {
            if (group > 0) {
                chars[at++] = '-';
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                chars[at++] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            }
        }
        Passphrase passphrase = Passphrase.of(chars);
        Arrays.fill(chars, '\0');
        return passphrase;
    }

    /** The strength of each passphrase in bits. */
    public static double bits() {
        return GROUPS * GROUP_LENGTH * Math.log(ALPHABET.length()) / Math.log(2);
    }
}
