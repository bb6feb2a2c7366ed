package dev.hikyaku.app.settings;

import dev.hikyaku.gateway.config.ConfigException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Which field a gateway configuration problem belongs to. The gateway names the key only in its message
 * ("Setting listen.port (line 3): ..."), before the first parenthesis; a message naming no edited key there
 * (a broken line, an unknown key, a key only the file holds) belongs to no field.
 */
public final class ProblemField {
    private ProblemField() {
    }

    /** The edited key {@code problem} names first, among {@code keys}. */
    public static Optional<String> of(ConfigException problem, Collection<String> keys) {
        String message = problem.message(Locale.ENGLISH);
        int parenthesis = message.indexOf('(');
        String head = parenthesis < 0 ? message : message.substring(0, parenthesis);
        String found = null;
        int at = Integer.MAX_VALUE;
        for (String key : keys) {
            int index = wholeKey(head, key);
            if (index >= 0 && (index < at || index == at && key.length() > found.length())) {
                found = key;
                at = index;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Where {@code key} stands in {@code text} as a whole key, not as the start of a longer one; -1 when nowhere. */
    private static int wholeKey(String text, String key) {
        for (int index = text.indexOf(key); index >= 0; index = text.indexOf(key, index + 1)) {
            int before = index - 1;
            int after = index + key.length();
            boolean startsClean = before < 0 || !keyCharacter(text.charAt(before));
            boolean endsClean = after >= text.length() || !keyCharacter(text.charAt(after));
            if (startsClean && endsClean) {
                return index;
            }
        }
        return -1;
    }

    private static boolean keyCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-';
    }
}
