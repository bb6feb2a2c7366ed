package dev.hikyaku.gateway.packaging;

import java.util.List;

/**
 * One MIME entity of a message file, located by offsets: its header runs from {@code start} to
 * {@code bodyStart} (blank line included), its body from {@code bodyStart} to {@code end} (the line break
 * before the next delimiter excluded). For the message itself, {@code fieldsEnd} is where its header fields
 * end and the blank line (if any) begins.
 *
 * @param position  where it sits, numbered like IMAP body parts ({@code "1"}, {@code "2.1"})
 * @param start     the offset of its first header byte
 * @param fieldsEnd the offset just after its last header field
 * @param bodyStart the offset of its first body byte
 * @param end       the offset just after its last body byte
 * @param header    its header fields, raw
 * @param content   what the header says about the content
 * @param children  its parts, for a multipart
 */
record Entity(String position, long start, long fieldsEnd, long bodyStart, long end, List<RawField> header,
              Content content, List<Entity> children) {

    /** Validated entity with unmodifiable lists. */
    Entity {
        header = List.copyOf(header);
        children = List.copyOf(children);
    }
}
