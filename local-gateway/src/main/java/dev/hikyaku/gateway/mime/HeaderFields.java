package dev.hikyaku.gateway.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The header fields of one MIME entity, unfolded, in order; values still carry their encoded words. */
final class HeaderFields {

    /** One header field. */
    record Field(String name, String value) {
    }

    private final List<Field> fields = new ArrayList<>();

    /**
     * Adds a raw field (its folded lines joined, line ends included); a line that is not {@code name: value}
     * is noted as a problem and dropped.
     */
    void addRaw(byte[] raw, int length, ProblemLog problems, String position) {
        String text = unfold(MailCharsets.guess(raw, length));
        int colon = text.indexOf(':');
        String name = colon < 0 ? "" : text.substring(0, colon).strip();
        if (name.isEmpty() || !isFieldName(name)) {
            problems.add(Problem.Kind.UNPARSEABLE_HEADER, position, text);
            return;
        }
        fields.add(new Field(name, text.substring(colon + 1).strip()));
    }

    /** The value of the first field of that name (ignoring case), if any. */
    Optional<String> first(String name) {
        return fields.stream().filter(field -> field.name().equalsIgnoreCase(name)).map(Field::value).findFirst();
    }

    /** The values of every field of that name (ignoring case), in order. */
    List<String> all(String name) {
        return fields.stream().filter(field -> field.name().equalsIgnoreCase(name)).map(Field::value).toList();
    }

    private static boolean isFieldName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static String unfold(String text) {
        StringBuilder unfolded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\r' && c != '\n') {
                unfolded.append(c);
            }
        }
        return unfolded.toString();
    }
}
