package dev.hikyaku.gateway.packaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Takes addresses out of a To or Cc field as written: the list is split into mailboxes and groups in one pass
 * that respects quotes, comments and angle brackets; mailboxes whose address is to be hidden are dropped and
 * the rest are written back as they were written (display names, encoded words and 8-bit bytes untouched).
 * A field from which nothing is dropped keeps its exact bytes.
 */
final class AddressFields {
    private static final int LINE = 78;
    private static final String UNDISCLOSED = "undisclosed-recipients:;";

    /** One mailbox as written, and its address in lower case for matching. */
    private record Mailbox(String text, String address) {
    }

    /** A group as written: its display name and members; mailboxes outside groups have a null display name. */
    private record Item(String groupName, List<Mailbox> members) {
    }

    private AddressFields() {
    }

    /**
     * The field without the {@code hidden} addresses (lower case): the same bytes when none is in it, empty when
     * nothing is left of a Cc, {@code undisclosed-recipients:;} when nothing is left of a To.
     */
    static Optional<byte[]> without(RawField field, Set<String> hidden) {
        String raw = new String(field.raw(), StandardCharsets.ISO_8859_1);
        String value = raw.substring(field.name().length() + 1).replace("\r", "").replace("\n", "");
        List<Item> items = parse(value);
        boolean removed = false;
        List<Item> kept = new ArrayList<>();
        for (Item item : items) {
            List<Mailbox> members = new ArrayList<>();
            for (Mailbox mailbox : item.members()) {
                if (hidden.contains(mailbox.address())) {
                    removed = true;
                } else {
                    members.add(mailbox);
                }
            }
            if (item.groupName() != null || !members.isEmpty()) {
                kept.add(new Item(item.groupName(), members));
            }
        }
        if (!removed) {
            return Optional.of(field.raw());
        }
        List<String> texts = new ArrayList<>();
        for (Item item : kept) {
            texts.add(item.groupName() == null ? item.members().get(0).text()
                    : item.groupName() + ": " + String.join(", ", item.members().stream().map(Mailbox::text).toList())
                    + ";");
        }
        if (texts.isEmpty()) {
            if (!field.is("To")) {
                return Optional.empty();
            }
            texts.add(UNDISCLOSED);
        }
        return Optional.of(fold(field.name(), texts).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The address of a mailbox as written: inside angle brackets, else the text without comments. */
    static String address(String mailbox) {
        int open = topLevel(mailbox, '<');
        String address;
        if (open >= 0) {
            int close = mailbox.indexOf('>', open);
            address = mailbox.substring(open + 1, close < 0 ? mailbox.length() : close);
            // An obsolete source route (<@relay:user@host>) precedes the address.
            address = address.substring(address.lastIndexOf(':') + 1);
        } else {
            address = withoutComments(mailbox);
        }
        return address.strip().toLowerCase(Locale.ROOT);
    }

    private static List<Item> parse(String value) {
        List<Item> items = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String groupName = null;
        List<Mailbox> groupMembers = null;
        boolean quoted = false;
        boolean angled = false;
        int comment = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((quoted || comment > 0) && c == '\\' && i + 1 < value.length()) {
                current.append(c).append(value.charAt(++i));
                continue;
            }
            boolean topLevel = false;
            if (quoted) {
                quoted = c != '"';
            } else if (comment > 0) {
                comment += c == '(' ? 1 : c == ')' ? -1 : 0;
            } else if (angled) {
                angled = c != '>';
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                comment = 1;
            } else if (c == '<') {
                angled = true;
            } else {
                topLevel = true;
            }
            if (topLevel && c == ':' && groupMembers == null) {
                groupName = current.toString().strip();
                groupMembers = new ArrayList<>();
                current.setLength(0);
            } else if (topLevel && c == ';' && groupMembers != null) {
                addMailbox(groupMembers, current);
                items.add(new Item(groupName, groupMembers));
                groupName = null;
                groupMembers = null;
            } else if (topLevel && c == ',') {
                if (groupMembers != null) {
                    addMailbox(groupMembers, current);
                } else {
                    addSingle(items, current);
                }
            } else {
                current.append(c);
            }
        }
        if (groupMembers != null) {
            addMailbox(groupMembers, current);
            items.add(new Item(groupName, groupMembers));
        } else {
            addSingle(items, current);
        }
        return items;
    }

    private static void addSingle(List<Item> items, StringBuilder current) {
        List<Mailbox> one = new ArrayList<>(1);
        addMailbox(one, current);
        if (!one.isEmpty()) {
            items.add(new Item(null, one));
        }
    }

    private static void addMailbox(List<Mailbox> mailboxes, StringBuilder current) {
        String text = current.toString().strip();
        current.setLength(0);
        if (!text.isEmpty()) {
            mailboxes.add(new Mailbox(text, address(text)));
        }
    }

    /** The index of {@code wanted} outside quotes and comments, or -1. */
    private static int topLevel(String text, char wanted) {
        boolean quoted = false;
        int comment = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((quoted || comment > 0) && c == '\\') {
                i++;
            } else if (quoted) {
                quoted = c != '"';
            } else if (comment > 0) {
                comment += c == '(' ? 1 : c == ')' ? -1 : 0;
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                comment = 1;
            } else if (c == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String withoutComments(String text) {
        StringBuilder bare = new StringBuilder(text.length());
        int comment = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (comment > 0 && c == '\\') {
                i++;
            } else if (c == '(') {
                comment++;
            } else if (c == ')' && comment > 0) {
                comment--;
            } else if (comment == 0) {
                bare.append(c);
            }
        }
        return bare.toString();
    }

    /** {@code Name: a, b} folded before an item that would make a line longer than 78 characters. */
    private static String fold(String name, List<String> texts) {
        StringBuilder field = new StringBuilder(name).append(':');
        int lineLength = field.length();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i) + (i + 1 < texts.size() ? "," : "");
            if (i > 0 && lineLength + 1 + text.length() > LINE) {
                field.append("\r\n");
                lineLength = 0;
            }
            field.append(' ').append(text);
            lineLength += 1 + text.length();
        }
        return field.append("\r\n").toString();
    }
}
