package dev.hikyaku.smime.sources.imap;

/** How the connection to the IMAP server is protected. */
public enum ImapSecurity {
    /** TLS from the first byte (port 993), the usual choice. */
    IMPLICIT_TLS,
    /** STARTTLS on port 143, required: the harvester never falls back to plain text. */
    STARTTLS,
    /** No TLS at all, allowed only to a loopback address (a local mail store or a test server). */
    PLAIN_LOOPBACK_ONLY
}
