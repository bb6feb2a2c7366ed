package dev.hikyaku.gateway.smtp;

import java.util.List;

/**
 * The argument of MAIL FROM or RCPT TO taken apart: the address between the angle brackets (source route
 * dropped, as RFC 5321 section 4.1.1.3 allows) and the ESMTP parameters after it.
 *
 * @param address    the address without brackets; empty for the null path {@code <>}
 * @param parameters the parameters as given, such as {@code SIZE=1000}
 */
record PathArgument(String address, List<String> parameters) {

    /** Validated copy. */
    PathArgument {
        parameters = List.copyOf(parameters);
    }

    /**
     * Parses {@code argument}, which must start with {@code keyword} ({@code FROM:} or {@code TO:}, any case);
     * {@code syntax} is the usage shown when it does not parse.
     */
    static PathArgument parse(String argument, String keyword, String syntax) throws CommandRefusal {
        if (!argument.regionMatches(true, 0, keyword, 0, keyword.length())) {
            throw new CommandRefusal(501, "5.5.4", syntax);
        }
        int open = keyword.length();
        while (open < argument.length() && argument.charAt(open) == ' ') {
            open++;
        }
        if (open == argument.length() || argument.charAt(open) != '<') {
            throw new CommandRefusal(501, "5.5.4", syntax + " (the address goes in angle brackets)");
        }
        int close = closingBracket(argument, open + 1);
        if (close < 0) {
            throw new CommandRefusal(501, "5.5.4", syntax + " (no closing angle bracket)");
        }
        String rest = argument.substring(close + 1);
        if (!rest.isEmpty() && rest.charAt(0) != ' ') {
            throw new CommandRefusal(501, "5.5.4", syntax + " (parameters are separated by spaces)");
        }
        String trimmed = rest.strip();
        List<String> parameters = trimmed.isEmpty() ? List.of() : List.of(trimmed.split(" +"));
        return new PathArgument(withoutSourceRoute(argument.substring(open + 1, close), syntax), parameters);
    }

    private static int closingBracket(String argument, int from) {
        boolean quoted = false;
        for (int i = from; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String withoutSourceRoute(String path, String syntax) throws CommandRefusal {
        if (!path.startsWith("@")) {
            return path;
        }
        int colon = path.indexOf(':');
        if (colon < 0) {
            throw new CommandRefusal(501, "5.5.4", syntax + " (a source route must end with a colon)");
        }
        return path.substring(colon + 1);
    }
}
