package dev.hikyaku.gateway.packaging;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a copy's own header from the message's fields: each field byte for byte, except that To and Cc lose
 * the hidden addresses, and, in a zip copy, the fields describing the content move down to the kept body and a
 * multipart/mixed Content-Type takes the first one's place.
 */
final class CopyHeader {
    private static final String CONTENT_PREFIX = "Content-";

    private CopyHeader() {
    }

    /** The message's fields with To and Cc treated; returns whether they changed. */
    static boolean asWritten(Entity message, Set<String> hidden, CopyOutput out) throws IOException {
        boolean changed = false;
        for (RawField field : message.header()) {
            changed |= addressField(field, hidden, out);
        }
        return changed;
    }

    /**
     * The message's fields with To and Cc treated, its content fields left out, and a multipart/mixed with
     * {@code boundary} in their place (MIME-Version added when missing); returns whether To or Cc changed.
     */
    static boolean forZip(Entity message, Set<String> hidden, String boundary, CopyOutput out) throws IOException {
        String contentType = "Content-Type: multipart/mixed;\r\n boundary=\"" + boundary + "\"\r\n";
        boolean changed = false;
        boolean typeWritten = false;
        boolean mimeVersion = false;
        for (RawField field : message.header()) {
            if (isContentField(field)) {
                if (!typeWritten) {
                    out.ascii(contentType);
                    typeWritten = true;
                }
                continue;
            }
            mimeVersion |= field.is("MIME-Version");
            changed |= addressField(field, hidden, out);
        }
        if (!mimeVersion) {
            out.ascii("MIME-Version: 1.0\r\n");
        }
        if (!typeWritten) {
            out.ascii(contentType);
        }
        return changed;
    }

    /** The message's content fields as they are: the header of its body once the body is one part of a zip copy. */
    static void contentFields(Entity message, CopyOutput out) throws IOException {
        for (RawField field : message.header()) {
            if (isContentField(field)) {
                out.write(field.raw());
            }
        }
    }

    private static boolean isContentField(RawField field) {
        return field.name().regionMatches(true, 0, CONTENT_PREFIX, 0, CONTENT_PREFIX.length());
    }

    /** Writes a field, taking hidden addresses out of To and Cc; returns whether it changed. */
    private static boolean addressField(RawField field, Set<String> hidden, CopyOutput out) throws IOException {
        if (hidden.isEmpty() || !(field.is("To") || field.is("Cc"))) {
            out.write(field.raw());
            return false;
        }
        Optional<byte[]> treated = AddressFields.without(field, hidden);
        if (treated.isPresent()) {
            out.write(treated.get());
        }
        return treated.isEmpty() || treated.get() != field.raw();
    }
}
