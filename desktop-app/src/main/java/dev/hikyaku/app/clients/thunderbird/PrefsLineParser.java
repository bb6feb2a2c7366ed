package dev.hikyaku.app.clients.thunderbird;

import java.util.Optional;

/**
 * Reads one line of {@code prefs.js}: {@code user_pref("name", value);} (also {@code pref} and
 * {@code sticky_pref}) with a string, integer or boolean value. A line it does not fully understand yields
 * nothing, because guessing at a half-read preference is worse than leaving it alone.
 */
final class PrefsLineParser {
    private final String line;
    private int at;

    private PrefsLineParser(String line) {
        this.line = line;
    }

    /** The preference on {@code line}, or empty for comments, blanks and anything unexpected. */
    static Optional<Pref> parse(String line) {
        return new PrefsLineParser(line).statement();
    }

    private Optional<Pref> statement() {
        skipSpace();
        if (!(word("user_pref") || word("sticky_pref") || word("pref"))) {
            return Optional.empty();
        }
        skipSpace();
        if (!symbol('(')) {
            return Optional.empty();
        }
        Optional<String> name = string();
        if (name.isEmpty() || !symbol(',')) {
            return Optional.empty();
        }
        Optional<PrefValue> value = value();
        if (value.isEmpty() || !symbol(')') || !symbol(';') || !restIsComment()) {
            return Optional.empty();
        }
        return Optional.of(new Pref(name.get(), value.get()));
    }

    private Optional<PrefValue> value() {
        skipSpace();
        if (at < line.length() && line.charAt(at) == '"') {
            return string().map(PrefValue.Text::new);
        }
        if (word("true")) {
            return Optional.of(new PrefValue.Flag(true));
        }
        if (word("false")) {
            return Optional.of(new PrefValue.Flag(false));
        }
        return number();
    }

    private Optional<PrefValue> number() {
        int start = at;
        if (at < line.length() && (line.charAt(at) == '-' || line.charAt(at) == '+')) {
            at++;
        }
        while (at < line.length() && Character.isDigit(line.charAt(at)) && line.charAt(at) < 128) {
            at++;
        }
        try {
            return Optional.of(new PrefValue.Number(Integer.parseInt(line.substring(start, at))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A double-quoted string with JavaScript escapes; single quotes are legal in prefs.js too. */
    private Optional<String> string() {
        skipSpace();
        if (at >= line.length() || (line.charAt(at) != '"' && line.charAt(at) != '\'')) {
            return Optional.empty();
        }
        char quote = line.charAt(at++);
        StringBuilder text = new StringBuilder();
        while (at < line.length()) {
            char c = line.charAt(at++);
            if (c == quote) {
                return Optional.of(text.toString());
            }
            if (c != '\\') {
                text.append(c);
                continue;
            }
            if (at >= line.length()) {
                return Optional.empty();
            }
            char escaped = line.charAt(at++);
            switch (escaped) {
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'x' -> {
                    if (!hex(2, text)) {
                        return Optional.empty();
                    }
                }
                case 'u' -> {
                    if (!hex(4, text)) {
                        return Optional.empty();
                    }
                }
                default -> text.append(escaped);
            }
        }
        return Optional.empty();
    }

    private boolean hex(int digits, StringBuilder text) {
        if (at + digits > line.length()) {
            return false;
        }
        try {
            text.append((char) Integer.parseInt(line.substring(at, at + digits), 16));
        } catch (NumberFormatException e) {
            return false;
        }
        at += digits;
        return true;
    }

    private boolean word(String word) {
        if (!line.startsWith(word, at)) {
            return false;
        }
        int end = at + word.length();
        if (end < line.length() && Character.isJavaIdentifierPart(line.charAt(end))) {
            return false;
        }
        at = end;
        return true;
    }

    private boolean symbol(char symbol) {
        skipSpace();
        if (at < line.length() && line.charAt(at) == symbol) {
            at++;
            return true;
        }
        return false;
    }

    private boolean restIsComment() {
        skipSpace();
        return at == line.length() || line.startsWith("//", at);
    }

    private void skipSpace() {
        while (at < line.length() && Character.isWhitespace(line.charAt(at))) {
            at++;
        }
    }
}
