package dev.hikyaku.testworld.smtp;

/** How a fixture submission server offers TLS. */
public enum SubmissionTls {
    /** Never: a plain server, like a loopback sink. */
    NONE,
    /** STARTTLS after EHLO (port 587 style). */
    STARTTLS,
    /** TLS from the first byte (port 465 style). */
    IMPLICIT
}
