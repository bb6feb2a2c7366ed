package dev.hikyaku.gateway.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Content-Type or Content-Disposition value: the lower-cased main value and its parameters, read leniently.
 * RFC 2231 parameters (charset, percent-encoding, {@code name*0*} continuations) are joined and decoded, and
 * so are RFC 2047 words inside quoted values, which Outlook writes for Japanese file names.
 */
record ParameterizedValue(String value, Map<String, String> parameters) {

    /** Validated value with an unmodifiable parameter map. */
    ParameterizedValue {
        parameters = Map.copyOf(parameters);
    }

    /** A parameter by its lower-case name. */
    Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** Parses a raw header value; never fails, odd parts are skipped. */
    static ParameterizedValue parse(String raw, ProblemLog problems, String position) {
        int semicolon = raw.indexOf(';');
        String main = (semicolon < 0 ? raw : raw.substring(0, semicolon)).strip();
        int comment = main.indexOf('(');
        if (comment >= 0) {
            main = main.substring(0, comment).strip();
        }
        Map<String, String> plain = new HashMap<>();
        Map<String, TreeMap<Integer, Segment>> extended = new HashMap<>();
        int i = semicolon < 0 ? raw.length() : semicolon + 1;
        while (i < raw.length()) {
            int equals = indexOf(raw, '=', ';', i);
            if (equals < 0 || raw.charAt(equals) == ';') {
                i = equals < 0 ? raw.length() : equals + 1;
                continue;
            }
            String name = raw.substring(i, equals).strip().toLowerCase(Locale.ROOT);
            StringBuilder value = new StringBuilder();
            i = readValue(raw, equals + 1, value);
            addParameter(name, value.toString(), plain, extended);
        }
        Map<String, String> parameters = new HashMap<>(plain);
        extended.forEach((name, segments) -> parameters.put(name, join(segments, problems, position)));
        parameters.replaceAll((name, value) -> EncodedWords.decode(value, problems, position));
        return new ParameterizedValue(main.toLowerCase(Locale.ROOT), parameters);
    }

    /** One piece of an RFC 2231 parameter. */
    private record Segment(String text, boolean encoded) {
    }

    private static void addParameter(String name, String value, Map<String, String> plain,
                                     Map<String, TreeMap<Integer, Segment>> extended) {
        int star = name.indexOf('*');
        if (star <= 0) {
            if (!name.isEmpty()) {
                plain.putIfAbsent(name, value);
            }
            return;
        }
        String base = name.substring(0, star);
        String rest = name.substring(star + 1);
        boolean encoded = rest.endsWith("*") || rest.isEmpty();
        String index = rest.endsWith("*") ? rest.substring(0, rest.length() - 1) : rest;
        int number;
        if (index.isEmpty()) {
            number = 0;
        } else if (index.length() <= 4 && index.chars().allMatch(c -> c >= '0' && c <= '9')) {
            number = Integer.parseInt(index);
        } else {
            return;
        }
        extended.computeIfAbsent(base, key -> new TreeMap<>()).putIfAbsent(number, new Segment(value, encoded));
    }

    private static String join(TreeMap<Integer, Segment> segments, ProblemLog problems, String position) {
        Segment first = segments.firstEntry().getValue();
        Optional<Charset> charset = Optional.empty();
        String charsetLabel = "";
        String firstText = first.text();
        if (first.encoded()) {
            int quote = firstText.indexOf('\'');
            int secondQuote = quote < 0 ? -1 : firstText.indexOf('\'', quote + 1);
            if (secondQuote >= 0) {
                charsetLabel = firstText.substring(0, quote);
                charset = MailCharsets.forLabel(charsetLabel);
                firstText = firstText.substring(secondQuote + 1);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Charset literal = charset.orElse(StandardCharsets.UTF_8);
        // Encoded segments are decoded as one run: some mailers split a %XX triplet across two segments.
        StringBuilder encodedRun = new StringBuilder();
        boolean firstSegment = true;
        for (Segment segment : segments.values()) {
            String text = firstSegment ? firstText : segment.text();
            firstSegment = false;
            if (segment.encoded()) {
                encodedRun.append(text);
            } else {
                percentDecode(encodedRun, literal, bytes);
                encodedRun.setLength(0);
                bytes.writeBytes(text.getBytes(literal));
            }
        }
        percentDecode(encodedRun, literal, bytes);
        byte[] raw = bytes.toByteArray();
        if (charset.isPresent()) {
            return MailCharsets.decode(raw, raw.length, charset.get());
        }
        if (!charsetLabel.isEmpty()) {
            problems.add(Problem.Kind.UNKNOWN_CHARSET, position, charsetLabel);
        }
        return MailCharsets.guess(raw, raw.length);
    }

    private static void percentDecode(CharSequence text, Charset literal, ByteArrayOutputStream bytes) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int high = hex(text, i + 1);
            int low = hex(text, i + 2);
            if (c == '%' && high >= 0 && low >= 0) {
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(literal));
            }
        }
    }

    private static int hex(CharSequence text, int index) {
        if (index >= text.length()) {
            return -1;
        }
        char c = text.charAt(index);
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /** Index of the first {@code a} or {@code b} from {@code from}, or -1. */
    private static int indexOf(String text, char a, char b, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }

    /** Reads a quoted or bare value from {@code start}; returns the index after the following semicolon. */
    private static int readValue(String raw, int start, StringBuilder value) {
        int i = start;
        while (i < raw.length() && (raw.charAt(i) == ' ' || raw.charAt(i) == '\t')) {
            i++;
        }
        if (i < raw.length() && raw.charAt(i) == '"') {
            i++;
            while (i < raw.length() && raw.charAt(i) != '"') {
                if (raw.charAt(i) == '\\' && i + 1 < raw.length()) {
                    i++;
                }
                value.append(raw.charAt(i));
                i++;
            }
            int semicolon = raw.indexOf(';', i);
            return semicolon < 0 ? raw.length() : semicolon + 1;
        }
        int semicolon = raw.indexOf(';', i);
        int end = semicolon < 0 ? raw.length() : semicolon;
        // A bare value runs to the next semicolon, blanks inside kept: broken mailers leave file names unquoted.
        value.append(raw.substring(i, end).strip());
        return semicolon < 0 ? raw.length() : semicolon + 1;
    }
}
