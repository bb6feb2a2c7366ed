package dev.hikyaku.app.review.warnings;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Message-IDs a message replies to, read from its In-Reply-To and References fields: In-Reply-To first,
 * then References from the newest back. Reads only the header of the message and treats it as hostile: bounded
 * in size and in the number of ids.
 */
public final class ThreadReferences {
    /** The most header bytes read; a header longer than this is cut. */
    static final int MAX_HEADER = 256 * 1024;
    private static final int MAX_IDS = 100;
    private static final int MAX_ID_LENGTH = 250;
    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]{1," + MAX_ID_LENGTH + "})>");

    private ThreadReferences() {
    }

    /** The referred ids (without angle brackets) of a message whose header is {@code header}. */
    public static List<String> of(byte[] header) {
        // Message-IDs are ASCII; anything else in a header cannot be part of one.
        String text = new String(header, 0, Math.min(header.length, MAX_HEADER), StandardCharsets.ISO_8859_1);
        List<String> inReplyTo = new ArrayList<>();
        List<String> references = new ArrayList<>();
        for (String field : unfolded(text)) {
            int colon = field.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = field.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (name.equals("in-reply-to")) {
                inReplyTo.addAll(ids(field.substring(colon + 1)));
            } else if (name.equals("references")) {
                references.addAll(ids(field.substring(colon + 1)));
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        for (int i = 0; i < inReplyTo.size() && ordered.size() < MAX_IDS; i++) {
            ordered.add(inReplyTo.get(i));
        }
        for (int i = references.size() - 1; i >= 0 && ordered.size() < MAX_IDS; i--) {
            ordered.add(references.get(i));
        }
        return List.copyOf(ordered);
    }

    /** The id inside a Message-ID header value ({@code <abc@example.jp>} gives {@code abc@example.jp}). */
    public static String bare(String messageId) {
        String stripped = messageId.strip();
        if (stripped.startsWith("<") && stripped.endsWith(">")) {
            return stripped.substring(1, stripped.length() - 1).strip();
        }
        return stripped;
    }

    /** An output stream that keeps a message's header and stops the copy (by throwing) once the header ended. */
    public static final class HeaderCapture extends OutputStream {
        private final byte[] kept = new byte[MAX_HEADER];
        private int length;

        @Override
        public void write(int b) throws IOException {
            if (length == kept.length) {
                throw new HeaderComplete();
            }
            kept[length++] = (byte) b;
            if (ended()) {
                throw new HeaderComplete();
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int count) throws IOException {
            for (int i = 0; i < count; i++) {
                write(bytes[offset + i]);
            }
        }

        /** The header bytes kept so far. */
        public byte[] header() {
            return Arrays.copyOf(kept, length);
        }

        private boolean ended() {
            return length >= 2 && kept[length - 1] == '\n'
                    && (kept[length - 2] == '\n' || length >= 3 && kept[length - 2] == '\r' && kept[length - 3] == '\n');
        }
    }

    /** Thrown by {@link HeaderCapture} to end the copy of a message once its header is in. */
    public static final class HeaderComplete extends IOException {
        private static final long serialVersionUID = 1L;

        HeaderComplete() {
            super("header complete", null);
        }
    }

    /** Every id in a field value; their number is bounded by the header's size. */
    private static List<String> ids(String value) {
        List<String> found = new ArrayList<>();
        Matcher matcher = MESSAGE_ID.matcher(value);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static List<String> unfolded(String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = null;
        for (String line : text.split("\r?\n", -1)) {
            if (line.isEmpty()) {
                break;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
                current.append(' ').append(line.strip());
            } else {
                if (current != null) {
                    fields.add(current.toString());
                }
                current = new StringBuilder(line);
            }
        }
        if (current != null) {
            fields.add(current.toString());
        }
        return fields;
    }
}
