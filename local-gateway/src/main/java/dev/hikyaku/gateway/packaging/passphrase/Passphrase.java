package dev.hikyaku.gateway.packaging.passphrase;

import java.util.Arrays;
import java.util.Locale;

/**
 * A secret passphrase held as characters, never as a String: {@link #toString()} hides it, {@link #chars()}
 * hands out copies, and {@link #clear()} overwrites it once it is no longer needed.
 */
public final class Passphrase {
    private final char[] chars;

    private Passphrase(char[] chars) {
        this.chars = chars;
    }

    /** A passphrase holding a copy of {@code chars}; the caller may clear its own array afterwards. */
    public static Passphrase of(char[] chars) {
        return new Passphrase(chars.clone());
    }

    /** A copy of the characters; the caller should clear it after use. */
    public char[] chars() {
        return chars.clone();
    }

    /** The number of characters. */
    public int length() {
        return chars.length;
    }

    /** Whether the passphrase occurs in {@code text}, ignoring case: a hint or a body must not give it away. */
    public boolean appearsIn(CharSequence text) {
        if (chars.length == 0) {
            return false;
        }
        String haystack = text.toString().toLowerCase(Locale.ROOT);
        char[] needle = new char[chars.length];
        try {
            for (int i = 0; i < chars.length; i++) {
                needle[i] = Character.toLowerCase(chars[i]);
            }
            for (int start = 0; start + needle.length <= haystack.length(); start++) {
                if (matchesAt(haystack, start, needle)) {
                    return true;
                }
            }
            return false;
        } finally {
            Arrays.fill(needle, '\0');
        }
    }

    /** Overwrites the characters; the passphrase is then empty of meaning. */
    public void clear() {
        Arrays.fill(chars, '\0');
    }

    /** Never the passphrase itself. */
    @Override
    public String toString() {
        return "Passphrase[hidden]";
    }

    private static boolean matchesAt(String haystack, int start, char[] needle) {
        for (int i = 0; i < needle.length; i++) {
            if (haystack.charAt(start + i) != needle[i]) {
                return false;
            }
        }
        return true;
    }
}
