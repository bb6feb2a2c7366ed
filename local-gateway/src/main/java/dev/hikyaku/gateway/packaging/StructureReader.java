package dev.hikyaku.gateway.packaging;

import dev.hikyaku.gateway.mime.AnalysisLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads where the entities of a message file begin and end, in one pass, holding only header fields in memory.
 * The mime package's {@link AnalysisLimits} bound it: headers larger than {@code maxHeaderBytes}, multiparts
 * nested deeper than {@code maxDepth} or more than {@code maxParts} entities make the message
 * {@link Unpackable} rather than half understood. A multipart without a usable boundary is refused too: its
 * parts cannot be told apart; and so is a header line that mail programs read in different ways (no field name,
 * a bare CR or a NUL in it), which could make a recipient's program see parts where this reader sees none.
 */
final class StructureReader {
    private static final int MAX_BOUNDARY = 200;

    private final AnalysisLimits limits;
    private LineScanner scanner;
    private int entities;
    private boolean strict;

    StructureReader(AnalysisLimits limits) {
        this.limits = limits;
    }

    /** The message's entity tree. */
    Entity read(InputStream message) throws IOException, Unpackable {
        scanner = new LineScanner(message);
        entities = 1;
        strict = true;
        return entity("", 0, false);
    }

    /** Only the message's own header, for copies whose body is left as it is; odd lines are kept as they are. */
    Entity readHeader(InputStream message) throws IOException, Unpackable {
        scanner = new LineScanner(message);
        strict = false;
        long start = scanner.offset();
        Header header = header("");
        return new Entity("", start, header.fieldsEnd(), header.bodyStart(), header.bodyStart(), header.fields(),
                Content.of(header.fields(), false), List.of());
    }

    /** A header as read: its fields, where they end, and where the body begins. */
    private record Header(List<RawField> fields, long fieldsEnd, long bodyStart) {
    }

    private Entity entity(String position, int depth, boolean digestChild) throws IOException, Unpackable {
        long start = scanner.offset();
        Header header = header(position);
        Content content = Content.of(header.fields(), digestChild);
        List<Entity> children = new ArrayList<>();
        if (content.multipart()) {
            multipart(content, position, depth, children);
        } else {
            scanner.skipToDelimiter();
        }
        LineScanner.Delimiter next = scanner.pending();
        long end = next == null ? scanner.offset() : Math.max(header.bodyStart(), next.partEnd());
        return new Entity(position.isEmpty() && depth == 0 && !content.multipart() ? "1" : position, start,
                header.fieldsEnd(), header.bodyStart(), end, header.fields(), content, children);
    }

    private void multipart(Content content, String position, int depth, List<Entity> children)
            throws IOException, Unpackable {
        String boundary = content.boundary().orElse("");
        if (boundary.isEmpty() || boundary.length() > MAX_BOUNDARY
                || boundary.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw new Unpackable(PackagingException.Reason.UNREADABLE_STRUCTURE,
                    "a " + content.type() + " without a usable boundary");
        }
        if (depth >= limits.maxDepth()) {
            throw new Unpackable(PackagingException.Reason.TOO_COMPLEX, "multiparts nested deeper than "
                    + limits.maxDepth());
        }
        int level = scanner.pushBoundary(boundary.getBytes(StandardCharsets.UTF_8));
        boolean pushed = true;
        boolean digest = content.type().equals("multipart/digest");
        scanner.skipToDelimiter();
        for (int number = 1; ; number++) {
            LineScanner.Delimiter delimiter = scanner.pending();
            if (delimiter == null || delimiter.level() != level) {
                // Cut short: the part ends at the end of the file or where an enclosing multipart goes on.
                break;
            }
            scanner.claim();
            if (delimiter.close()) {
                scanner.popBoundary();
                pushed = false;
                scanner.skipToDelimiter();
                break;
            }
            if (++entities > limits.maxParts()) {
                throw new Unpackable(PackagingException.Reason.TOO_COMPLEX, "more than " + limits.maxParts()
                        + " parts");
            }
            String child = position.isEmpty() ? String.valueOf(number) : position + "." + number;
            children.add(entity(child, depth + 1, digest));
        }
        if (pushed) {
            scanner.popBoundary();
        }
    }

    private Header header(String position) throws IOException, Unpackable {
        List<RawField> fields = new ArrayList<>();
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        long total = 0;
        long fieldsEnd = scanner.offset();
        while (scanner.next()) {
            byte[] chunk = scanner.chunk();
            int length = scanner.chunkLength();
            if (scanner.chunkAtLineStart()) {
                if (length == scanner.lineEndLength()) {
                    addField(fields, field, position);
                    return new Header(fields, scanner.chunkOffset(), scanner.offset());
                }
                if (chunk[0] != ' ' && chunk[0] != '\t') {
                    addField(fields, field, position);
                }
            }
            total += length;
            if (total > limits.maxHeaderBytes()) {
                throw new Unpackable(PackagingException.Reason.TOO_COMPLEX, "a header larger than "
                        + limits.maxHeaderBytes() + " bytes" + (position.isEmpty() ? "" : " in part " + position));
            }
            field.write(chunk, 0, length);
            fieldsEnd = scanner.offset();
        }
        addField(fields, field, position);
        // No blank line: the header runs to the end of the file or to the next delimiter, and the body is empty.
        LineScanner.Delimiter next = scanner.pending();
        long bodyStart = next == null ? scanner.offset() : Math.max(fieldsEnd, next.partEnd());
        return new Header(fields, Math.min(fieldsEnd, bodyStart), bodyStart);
    }

    private void addField(List<RawField> fields, ByteArrayOutputStream field, String position) throws Unpackable {
        if (field.size() == 0) {
            return;
        }
        RawField parsed = RawField.of(field.toByteArray());
        field.reset();
        if (strict && (parsed.name().isEmpty() || ambiguous(parsed.raw()))) {
            throw new Unpackable(PackagingException.Reason.UNREADABLE_STRUCTURE, "a malformed header line"
                    + (position.isEmpty() ? "" : " in part " + position));
        }
        fields.add(parsed);
    }

    /** A CR that ends no line, or a NUL: some programs drop them, others end the line or the field there. */
    private static boolean ambiguous(byte[] raw) {
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0 || raw[i] == '\r' && (i + 1 == raw.length || raw[i + 1] != '\n')) {
                return true;
            }
        }
        return false;
    }
}
