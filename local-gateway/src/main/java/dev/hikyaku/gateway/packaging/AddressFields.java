package dev.hikyaku.gateway.packaging;

import dev.hikyaku.gateway.mime.AddressScanner;
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
        int open = openingAngle(mailbox);
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
        ItemReader reader = new ItemReader();
        AddressScanner.scan(value, reader);
        return reader.finish();
    }

    /** Collects single mailboxes and groups ({@code name: a, b;}) from the field's top-level delimiters. */
    private static final class ItemReader implements AddressScanner.Visitor {
        private final List<Item> items = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private String groupName;
        private List<Mailbox> groupMembers;

        @Override
        public void at(int index, char c, boolean topLevel) {
            if (topLevel && c == ':' && groupMembers == null) {
                groupName = current.toString().strip();
                groupMembers = new ArrayList<>();
                current.setLength(0);
            } else if (topLevel && c == ';' && groupMembers != null) {
                endGroup();
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

        List<Item> finish() {
            if (groupMembers != null) {
                endGroup();
            } else {
                addSingle(items, current);
            }
            return items;
        }

        private void endGroup() {
            addMailbox(groupMembers, current);
            items.add(new Item(groupName, groupMembers));
            groupName = null;
            groupMembers = null;
        }
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

    /** The index of the first {@code <} outside quotes and comments, or -1. */
    private static int openingAngle(String text) {
        int[] found = {-1};
        AddressScanner.scan(text, (index, c, topLevel) -> {
            if (found[0] < 0 && topLevel && c == '<') {
                found[0] = index;
            }
        });
        return found[0];
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
