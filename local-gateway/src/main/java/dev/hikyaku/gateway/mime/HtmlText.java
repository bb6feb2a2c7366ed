package dev.hikyaku.gateway.mime;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reduces HTML to the text a reader sees, for search and keyword rules: tags, comments, scripts and styles go,
 * block elements become line breaks, common character references are resolved. Not a renderer: it only needs
 * the words, and it never fails on broken markup.
 */
final class HtmlText {
    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("copy", "©"), Map.entry("reg", "®"),
            Map.entry("yen", "¥"), Map.entry("hellip", "…"), Map.entry("mdash", "—"), Map.entry("ndash", "–"));
    private static final Set<String> BLOCKS = Set.of(
            "br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "hr", "ul",
            "ol", "pre", "title");

    private HtmlText() {
    }

    /** The text of an HTML document or fragment. */
    static String toText(String html) {
        StringBuilder text = new StringBuilder(html.length() / 2);
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                i = skipMarkup(html, i, text);
            } else if (c == '&') {
                i = reference(html, i, text);
            } else {
                text.append(c);
                i++;
            }
        }
        return collapseBlankLines(text);
    }

    /** Skips a tag, comment or raw-text element starting at {@code start}; returns the index after it. */
    private static int skipMarkup(String html, int start, StringBuilder text) {
        if (html.startsWith("<!--", start)) {
            int end = html.indexOf("-->", start + 4);
            return end < 0 ? html.length() : end + 3;
        }
        int end = html.indexOf('>', start + 1);
        if (end < 0) {
            return html.length();
        }
        String name = tagName(html, start + 1, end);
        if (name.equals("script") || name.equals("style")) {
            int close = indexOfIgnoreCase(html, "</" + name, end + 1);
            if (close < 0) {
                return html.length();
            }
            int closeEnd = html.indexOf('>', close);
            return closeEnd < 0 ? html.length() : closeEnd + 1;
        }
        if (BLOCKS.contains(name)) {
            if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
        } else if (name.equals("td") || name.equals("th")) {
            text.append('\t');
        }
        return end + 1;
    }

    private static String tagName(String html, int from, int end) {
        int i = from;
        if (i < end && html.charAt(i) == '/') {
            i++;
        }
        int nameStart = i;
        while (i < end && Character.isLetterOrDigit(html.charAt(i))) {
            i++;
        }
        return html.substring(nameStart, i).toLowerCase(Locale.ROOT);
    }

    private static int indexOfIgnoreCase(String text, String needle, int from) {
        for (int i = Math.max(from, 0); i + needle.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    /** Resolves a character reference at {@code start}, or copies the ampersand; returns the next index. */
    private static int reference(String html, int start, StringBuilder text) {
        // Look only as far as the longest reference, so a run of bare ampersands stays linear.
        int semicolon = html.substring(start + 1, Math.min(html.length(), start + 13)).indexOf(';');
        semicolon = semicolon < 0 ? -1 : start + 1 + semicolon;
        if (semicolon < 0) {
            text.append('&');
            return start + 1;
        }
        String name = html.substring(start + 1, semicolon);
        String replacement = resolve(name);
        if (replacement == null) {
            text.append('&');
            return start + 1;
        }
        text.append(replacement);
        return semicolon + 1;
    }

    private static String resolve(String name) {
        if (name.startsWith("#")) {
            boolean hexadecimal = name.startsWith("#x") || name.startsWith("#X");
            String digits = name.substring(hexadecimal ? 2 : 1);
            if (digits.isEmpty() || digits.length() > 7) {
                return null;
            }
            int codePoint = 0;
            for (int i = 0; i < digits.length(); i++) {
                int digit = Character.digit(digits.charAt(i), hexadecimal ? 16 : 10);
                if (digit < 0 || digits.charAt(i) > 0x7f) {
                    return null;
                }
                codePoint = codePoint * (hexadecimal ? 16 : 10) + digit;
            }
            return Character.isValidCodePoint(codePoint) && codePoint != 0 ? Character.toString(codePoint) : null;
        }
        return ENTITIES.get(name.toLowerCase(Locale.ROOT));
    }

    private static String collapseBlankLines(StringBuilder text) {
        StringBuilder collapsed = new StringBuilder(text.length());
        int newlines = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                continue;
            }
            if (c == '\n') {
                newlines++;
                if (newlines <= 2) {
                    collapsed.append(c);
                }
            } else {
                newlines = 0;
                collapsed.append(c);
            }
        }
        return collapsed.toString().strip();
    }
}
