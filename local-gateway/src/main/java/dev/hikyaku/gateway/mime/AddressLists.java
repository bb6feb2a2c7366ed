package dev.hikyaku.gateway.mime;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads address headers into mailboxes, falling back to picking out what looks like addresses. */
final class AddressLists {
    private static final Pattern ADDR_SPEC = Pattern.compile("[^\\s<>,;:\"()\\[\\]]+@[^\\s<>,;:\"()\\[\\]]+");

    private AddressLists() {
    }

    /** The mailboxes of one header value (groups expanded); {@code field} names the header for problems. */
    static List<MailAddress> parse(String raw, String field, ProblemLog problems) {
        if (raw.isBlank()) {
            return List.of();
        }
        try {
            List<MailAddress> mailboxes = new ArrayList<>();
            for (InternetAddress address : InternetAddress.parseHeader(raw, false)) {
                InternetAddress[] members = address.isGroup() ? address.getGroup(false) : new InternetAddress[] {address};
                for (InternetAddress member : members) {
                    if (member.getAddress() != null && !member.getAddress().isBlank()) {
                        mailboxes.add(mailbox(member, problems));
                    }
                }
            }
            if (mailboxes.stream().allMatch(mailbox -> plausible(mailbox.address()))) {
                return mailboxes;
            }
        } catch (AddressException | RuntimeException e) {
            // Jakarta Mail's parser was not written for hostile input: anything it throws means "unparseable".
        }
        problems.add(Problem.Kind.UNPARSEABLE_ADDRESS, "", field + ": " + raw);
        return pickOut(raw);
    }

    /** Lenient parsing lets brackets and blanks into an address; such an address is not one. */
    private static boolean plausible(String address) {
        return address.chars().noneMatch(c -> c == '<' || c == '>' || c == ',' || Character.isWhitespace(c));
    }

    private static MailAddress mailbox(InternetAddress address, ProblemLog problems) {
        String personal = address.getPersonal();
        String displayName = personal == null ? "" : EncodedWords.decode(personal, problems, "").strip();
        return new MailAddress(address.getAddress().strip(), displayName);
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
