package dev.hikyaku.gateway.mime;

/**
 * Walks an address field's text as RFC 5322 reads it: quoted strings, nested comments and angle-bracketed addresses
 * hide the delimiters inside them, so only characters at top level separate mailboxes and groups. The archive's
 * analyser and the packager's header rewriting read address lists the same way through this one walk.
 */
public final class AddressScanner {
    private AddressScanner() {
    }

    /** Told each character of the text in order. */
    @FunctionalInterface
    public interface Visitor {
        /**
         * One character.
         *
         * @param index    its position in the text
         * @param c        the character
         * @param topLevel whether the walk stood outside quotes, comments and angle brackets when it met it (an
         *                 opening {@code "}, {@code (} or {@code <} is at top level, what it opens is not)
         */
        void at(int index, char c, boolean topLevel);
    }

    /**
     * Walks {@code text}, telling {@code visitor} each character; a backslash inside quotes or a comment escapes the
     * character after it (both are reported as not at top level).
     *
     * @return whether every quote, comment and angle bracket was closed
     */
    public static boolean scan(String text, Visitor visitor) {
        boolean quoted = false;
        boolean angled = false;
        int comment = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((quoted || comment > 0) && c == '\\' && i + 1 < text.length()) {
                visitor.at(i, c, false);
                i++;
                visitor.at(i, text.charAt(i), false);
                continue;
            }
            boolean topLevel = false;
            if (quoted) {
                quoted = c != '"';
            } else if (comment > 0) {
                comment += c == '(' ? 1 : c == ')' ? -1 : 0;
            } else if (angled) {
                angled = c != '>';
            } else {
                topLevel = true;
                quoted = c == '"';
                comment = c == '(' ? 1 : 0;
                angled = c == '<';
            }
            visitor.at(i, c, topLevel);
        }
        return !quoted && !angled && comment == 0;
    }
}
