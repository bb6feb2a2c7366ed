package dev.hikyaku.gateway.smtp;

/** How reading one line from the client ended. */
enum LineStatus {
    /** A line ended by CRLF, within the limit and free of NUL. */
    COMPLETE,
    /** A line ended by CRLF but longer than the limit; only its start was kept. */
    TOO_LONG,
    /** A line ended by CRLF that holds a NUL octet. */
    CONTAINS_NUL,
    /** A CR not followed by LF: the client's framing cannot be trusted any more. */
    BARE_CR,
    /** An LF not preceded by CR: the client's framing cannot be trusted any more. */
    BARE_LF,
    /** The client closed the connection, possibly in the middle of a line. */
    END_OF_STREAM
}
