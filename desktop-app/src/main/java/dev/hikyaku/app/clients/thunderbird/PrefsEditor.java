package dev.hikyaku.app.clients.thunderbird;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Changes single preferences in the text of a prefs.js and leaves every other line as it was: the statement that
 * wins for a name (the last) is replaced in place, a new one goes at the end, as Thunderbird would read it.
 */
final class PrefsEditor {
    private final List<String> lines;
    private final String newline;

    private PrefsEditor(List<String> lines, String newline) {
        this.lines = lines;
        this.newline = newline;
    }

    /** An editor over {@code text}, writing lines with the file's own line ending. */
    static PrefsEditor of(String text) {
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r\n|\r|\n", -1)));
        // A file ending in a newline splits into a last empty "line": text() puts the newline back.
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return new PrefsEditor(lines, newline);
    }

    /** The value {@code name} has now, as Thunderbird would read it. */
    Optional<PrefValue> get(String name) {
        Optional<PrefValue> value = Optional.empty();
        for (String line : lines) {
            Optional<Pref> pref = PrefsLineParser.parse(line);
            if (pref.isPresent() && pref.get().name().equals(name)) {
                value = Optional.of(pref.get().value());
            }
        }
        return value;
    }

    /** Sets {@code name} to {@code value}. */
    void set(String name, PrefValue value) {
        int last = lastLineOf(name);
        if (last >= 0) {
            lines.set(last, statement(name, value));
        } else {
            lines.add(statement(name, value));
        }
    }

    /** Sets {@code name} to {@code value}, or removes it when {@code value} is empty. */
    void put(String name, Optional<PrefValue> value) {
        if (value.isPresent()) {
            set(name, value.get());
        } else {
            remove(name);
        }
    }

    /** Removes every statement for {@code name}, so Thunderbird falls back to its default. */
    void remove(String name) {
        lines.removeIf(line -> PrefsLineParser.parse(line).filter(pref -> pref.name().equals(name)).isPresent());
    }

    /** The edited file's text, ending with a line ending. */
    String text() {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append(newline);
        }
        return text.toString();
    }

    private int lastLineOf(String name) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (PrefsLineParser.parse(lines.get(i)).filter(pref -> pref.name().equals(name)).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    /** {@code user_pref("name", value);} as Thunderbird writes it. */
    static String statement(String name, PrefValue value) {
        return "user_pref(" + quoted(name) + ", " + literal(value) + ");";
    }

    private static String literal(PrefValue value) {
        if (value instanceof PrefValue.Text text) {
            return quoted(text.value());
        }
        if (value instanceof PrefValue.Number number) {
            return Integer.toString(number.value());
        }
        return Boolean.toString(((PrefValue.Flag) value).value());
    }

    private static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
