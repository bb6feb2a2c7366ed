package dev.hikyaku.gateway.smtp;

import java.util.Locale;

/**
 * One command line taken apart.
 *
 * @param verb     the command word in upper case, such as {@code MAIL}
 * @param argument what follows the first space, trailing spaces removed; empty when nothing does
 */
record Command(String verb, String argument) {
    private static final int MAX_VERB = 16;

    /** Parses a line; a line whose first word is not made of ASCII letters gets an empty verb. */
    static Command parse(String line) {
        int space = line.indexOf(' ');
        String word = space < 0 ? line : line.substring(0, space);
        String argument = space < 0 ? "" : line.substring(space + 1).stripTrailing();
        boolean letters = !word.isEmpty() && word.length() <= MAX_VERB
                && word.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z');
        return new Command(letters ? word.toUpperCase(Locale.ROOT) : "", argument);
    }
}
