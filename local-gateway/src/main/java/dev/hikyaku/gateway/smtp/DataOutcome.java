package dev.hikyaku.gateway.smtp;

/** How reading one message's text ended. */
enum DataOutcome {
    /** The lone "." line arrived and every line was acceptable. */
    COMPLETE,
    /** The message grew past the size limit; the rest was read and dropped. */
    TOO_BIG,
    /** A line held a NUL octet; the rest was read and dropped. */
    CONTAINS_NUL,
    /** A line was longer than the line limit; the rest was read and dropped. */
    LINE_TOO_LONG,
    /** A bare CR arrived: the framing cannot be trusted, nothing more is read. */
    BARE_CR,
    /** A bare LF arrived: the framing cannot be trusted, nothing more is read. */
    BARE_LF,
    /** The client went away before the end of the message. */
    END_OF_STREAM
}
