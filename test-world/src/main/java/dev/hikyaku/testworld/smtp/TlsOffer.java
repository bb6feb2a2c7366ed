package dev.hikyaku.testworld.smtp;

/** How a fixture SMTP server offers TLS. */
enum TlsOffer {
    /** Never. */
    NONE,
    /** STARTTLS in the EHLO answer, with a working handshake. */
    STARTTLS,
    /** STARTTLS in the EHLO answer, answered with bytes that are not TLS. */
    BROKEN_STARTTLS,
    /** TLS from the first byte (port 465 style), before the greeting. */
    IMPLICIT
}
