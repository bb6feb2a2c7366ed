package dev.hikyaku.gateway.mime;

import java.util.Objects;

/**
 * One attached file (or inline image) of a message.
 *
 * @param position    where it sits, numbered like IMAP body parts: {@code "2"}, {@code "1.2"}
 * @param fileName    the decoded file name (RFC 2231 and RFC 2047), or empty when the part names none
 * @param contentType the media type in lower case without parameters, such as {@code application/pdf}
 * @param decodedSize its size in bytes once its transfer encoding is undone
 * @param inline      whether it is shown inside the message (an image of an HTML body) rather than attached
 */
public record Attachment(String position, String fileName, String contentType, long decodedSize, boolean inline) {

    /** Validated attachment. */
    public Attachment {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        if (decodedSize < 0) {
            throw new IllegalArgumentException("negative size");
        }
    }
}
