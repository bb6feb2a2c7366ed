package dev.hikyaku.gateway.packaging;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns attachment file names from a message (hostile input) into zip entry names that extract safely on
 * Windows, macOS and Linux: no folders, no characters Windows forbids, no reserved device names, unique
 * without regard to case, and a made-up name with a fitting extension when the part has none.
 */
final class EntryNames {
    private static final int MAX_LENGTH = 120;
    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("application/pdf", ".pdf"), Map.entry("image/png", ".png"), Map.entry("image/jpeg", ".jpg"),
            Map.entry("image/gif", ".gif"), Map.entry("text/plain", ".txt"), Map.entry("text/html", ".html"),
            Map.entry("text/calendar", ".ics"), Map.entry("message/rfc822", ".eml"),
            Map.entry("application/zip", ".zip"), Map.entry("application/ms-tnef", ".dat"));

    private final Set<String> taken = new HashSet<>();
    private int unnamed;

    /** A safe, unique entry name for an attachment called {@code fileName} (maybe empty) of {@code type}. */
    String name(String fileName, String type) {
        String name = clean(fileName);
        if (name.isEmpty()) {
            unnamed++;
            name = "attachment-" + unnamed + EXTENSIONS.getOrDefault(type, ".bin");
        }
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        if (RESERVED.contains(stem.toLowerCase(Locale.ROOT))) {
            stem = "_" + stem;
        }
        String unique = stem + extension;
        for (int copy = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); copy++) {
            unique = stem + " (" + copy + ")" + extension;
        }
        return unique;
    }

    private static String clean(String fileName) {
        String base = fileName;
        int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
        base = base.substring(slash + 1);
        StringBuilder cleaned = new StringBuilder(base.length());
        base.codePoints().forEach(c -> {
            boolean forbidden = c < 0x20 || c == 0x7f || "<>:\"|?*".indexOf(c) >= 0
                    || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.UNASSIGNED;
            cleaned.appendCodePoint(forbidden ? '_' : c);
        });
        String name = strip(cleaned.toString());
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            int keep = name.offsetByCodePoints(0, MAX_LENGTH - extension.length());
            name = strip(name.substring(0, keep)) + extension;
        }
        return name;
    }

    /** Windows drops trailing dots and blanks, and a leading dot hides a file elsewhere. */
    private static String strip(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && (name.charAt(start) == '.' || Character.isWhitespace(name.charAt(start)))) {
            start++;
        }
        while (end > start && (name.charAt(end - 1) == '.' || Character.isWhitespace(name.charAt(end - 1)))) {
            end--;
        }
        return name.substring(start, end);
    }
}
