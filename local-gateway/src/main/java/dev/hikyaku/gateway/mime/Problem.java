package dev.hikyaku.gateway.mime;

import java.util.Objects;

/**
 * Something wrong the analyser met in a message and worked around.
 *
 * @param kind     what went wrong; its user-facing text is the bundle key {@link #messageKey()}
 * @param position the part it concerns ({@code ""} for the message's own header and the message as a whole)
 * @param detail   a short printable excerpt of the offending value, for diagnosis; never body text
 */
public record Problem(Kind kind, String position, String detail) {

    /** The kinds of damage the analyser recognises. */
    public enum Kind {
        /** A header line without a field name, or a field whose value cannot be understood. */
        UNPARSEABLE_HEADER,
        /** A header section larger than the limit; the rest of it was skipped. */
        HEADER_TOO_LARGE,
        /** An address header that is not a valid address list; addresses were picked out as well as possible. */
        UNPARSEABLE_ADDRESS,
        /** A Date header that cannot be read as a date. */
        UNPARSEABLE_DATE,
        /** A charset that is unknown here; the text was decoded by guessing. */
        UNKNOWN_CHARSET,
        /** A Content-Transfer-Encoding that is unknown here; the content was taken as it is. */
        UNKNOWN_TRANSFER_ENCODING,
        /** A multipart without a usable boundary; its content was taken as one opaque part. */
        MISSING_BOUNDARY,
        /** A multipart whose closing boundary never came: the message is cut short or malformed. */
        TRUNCATED,
        /** Multiparts nested deeper than the limit; the deeper content was taken as opaque. */
        TOO_DEEP,
        /** More parts than the limit; the rest of the message was not looked at. */
        TOO_MANY_PARTS,
        /** More body text than the limit; the rest was not extracted. */
        TEXT_TRUNCATED
    }

    /** Validated problem. */
    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(detail, "detail");
    }

    /** The resource-bundle key of this kind's user-facing text. */
    public String messageKey() {
        return "mime.problem." + kind.name();
    }
}
