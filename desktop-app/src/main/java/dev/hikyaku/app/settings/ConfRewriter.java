package dev.hikyaku.app.settings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the lines of gateway.conf with new values for some keys: a key already in the file keeps its line
 * (and its place, spacing and the comments around it) with the new value; a key not in the file is appended
 * unless its new value is the default. Every other line, comments and keys the window does not know included,
 * stays as it was, so what the user wrote by hand survives.
 */
public final class ConfRewriter {
    /** The comment a new file starts with. */
    static final List<String> NEW_FILE_HEADER = List.of(
            "# Hikyaku gateway settings: one \"key = value\" per line, # starts a comment.",
            "# Written by the Hikyaku app, which keeps your comments and the keys it does not edit.",
            "# Every key and its default: README, \"The configuration file\".");

    private final Map<String, String> defaults;

    /** A rewriter that leaves out keys at their value in {@code defaults} unless the file already names them. */
    public ConfRewriter(Map<String, String> defaults) {
        this.defaults = Map.copyOf(defaults);
    }

    /** The file's {@code lines} with {@code values} (key to value, in the order new keys are appended) put in. */
    public List<String> rewrite(List<String> lines, Map<String, String> values) {
        List<String> result = new ArrayList<>(lines.isEmpty() ? NEW_FILE_HEADER : List.of());
        Set<String> written = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String key = keyOf(i == 0 ? withoutBom(line) : line);
            if (key != null && values.containsKey(key)) {
                int equals = line.indexOf('=');
                result.add(line.substring(0, equals + 1) + spaced(clean(values.get(key))));
                written.add(key);
            } else {
                result.add(line);
            }
        }
        values.forEach((key, value) -> {
            String cleaned = clean(value);
            if (!written.contains(key) && !cleaned.equals(defaults.getOrDefault(key, ""))) {
                result.add(key + " = " + cleaned);
            }
        });
        return result;
    }

    /** The key of a {@code key = value} line as the gateway reads it, or null for a comment, blank or broken line. */
    private static String keyOf(String line) {
        String stripped = line.strip();
        if (stripped.isEmpty() || stripped.startsWith("#")) {
            return null;
        }
        int equals = stripped.indexOf('=');
        return equals <= 0 ? null : stripped.substring(0, equals).strip();
    }

    private static String withoutBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static String spaced(String value) {
        return value.isEmpty() ? "" : " " + value;
    }

    /** One line's worth: a pasted line break or control character would split the value or hide the rest. */
    static String clean(String value) {
        StringBuilder cleaned = new StringBuilder(value.length());
        value.codePoints().forEach(c -> cleaned.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return cleaned.toString().strip();
    }
}
