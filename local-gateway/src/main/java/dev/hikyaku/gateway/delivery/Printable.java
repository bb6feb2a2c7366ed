package dev.hikyaku.gateway.delivery;

/** Reduces text from the network (server replies, exception messages) to something safe to show and relay. */
final class Printable {

    /** The longest argument text kept; server replies can be long, a message needs only the gist. */
    static final int MAX_ARGUMENT = 300;

    private Printable() {
    }

    /** The value's text in printable US-ASCII, one line, at most {@link #MAX_ARGUMENT} characters. */
    static String ascii(Object value) {
        return ascii(String.valueOf(value), MAX_ARGUMENT);
    }

    /**
     * The text with line breaks and tabs turned into single spaces, every other character outside printable
     * US-ASCII replaced by {@code ?}, trimmed and cut to {@code max} characters.
     */
    static String ascii(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        boolean space = false;
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == '\t' || c == ' ') {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c >= 0x21 && c < 0x7f ? c : '?');
        }
        return out.length() > max ? out.substring(0, max) : out.toString();
    }
}
