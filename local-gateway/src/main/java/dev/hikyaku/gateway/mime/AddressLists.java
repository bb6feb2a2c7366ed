package dev.hikyaku.gateway.mime;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads address headers into mailboxes. The list is split into single mailboxes here, in one linear pass that
 * respects quotes, comments, angle brackets and groups; only those small pieces go to Jakarta Mail's parser,
 * whose time grows with the square of its input on hostile text (a long run of {@code <}). What does not
 * parse is noted and its addresses picked out by pattern.
 */
final class AddressLists {
    private static final Pattern ADDR_SPEC = Pattern.compile("[^\\s<>,;:\"()\\[\\]]+@[^\\s<>,;:\"()\\[\\]]+");
    /** Far longer than any real mailbox, short enough that the square of it is cheap. */
    private static final int MAX_MAILBOX = 2048;

    private AddressLists() {
    }

    /** The mailboxes of one header value (groups expanded); {@code field} names the header for problems. */
    static List<MailAddress> parse(String raw, String field, ProblemLog problems) {
        List<MailAddress> mailboxes = new ArrayList<>();
        Pieces pieces = split(raw);
        boolean damaged = pieces.unbalanced();
        for (String piece : pieces.mailboxes()) {
            List<MailAddress> parsed = piece.length() > MAX_MAILBOX ? List.of() : parseMailbox(piece, problems);
            if (parsed.isEmpty()) {
                damaged = true;
                mailboxes.addAll(pickOut(piece));
            } else {
                mailboxes.addAll(parsed);
            }
        }
        if (damaged) {
            problems.add(Problem.Kind.UNPARSEABLE_ADDRESS, "", field + ": " + raw);
        }
        return mailboxes;
    }

    /** The pieces of an address list, and whether a quote, comment or bracket was left open. */
    private record Pieces(List<String> mailboxes, boolean unbalanced) {
    }

    private static Pieces split(String raw) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean balanced = AddressScanner.scan(raw, (index, c, topLevel) -> {
            if (topLevel && (c == ',' || c == ';')) {
                addPiece(pieces, current);
            } else if (topLevel && c == ':') {
                // A group's display name ends here; its members follow, the group's name is not a mailbox.
                current.setLength(0);
            } else {
                current.append(c);
            }
        });
        addPiece(pieces, current);
        return new Pieces(pieces, !balanced);
    }

    private static void addPiece(List<String> pieces, StringBuilder current) {
        if (!current.toString().isBlank()) {
            pieces.add(current.toString().strip());
        }
        current.setLength(0);
    }

    /** One mailbox through Jakarta Mail's lenient parser; empty when it yields no plausible address. */
    private static List<MailAddress> parseMailbox(String piece, ProblemLog problems) {
        try {
            List<MailAddress> parsed = new ArrayList<>();
            for (InternetAddress address : InternetAddress.parseHeader(piece, false)) {
                String spec = address.getAddress();
                if (spec == null || spec.isBlank() || !plausible(spec)) {
                    return List.of();
                }
                String personal = address.getPersonal();
                String displayName = personal == null ? "" : EncodedWords.decode(personal, problems, "").strip();
                parsed.add(new MailAddress(spec.strip(), displayName));
            }
            return parsed;
        } catch (AddressException | RuntimeException e) {
            // Jakarta Mail's parser was not written for hostile input: anything it throws means "unparseable".
            return List.of();
        }
    }

    /** Lenient parsing lets brackets and blanks into an address; such an address is not one. */
    private static boolean plausible(String address) {
        return address.chars().noneMatch(c -> c == '<' || c == '>' || c == ',' || Character.isWhitespace(c));
    }

    private static List<MailAddress> pickOut(String raw) {
        List<MailAddress> found = new ArrayList<>();
        Matcher matcher = ADDR_SPEC.matcher(raw);
        while (matcher.find()) {
            found.add(new MailAddress(matcher.group(), ""));
        }
        return found;
    }
}
