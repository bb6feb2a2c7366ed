package dev.hikyaku.gateway.smtp;

/** The session is over: its last reply (if any) has been sent and the connection is to be closed. */
final class SessionEnd extends Exception {
    private static final long serialVersionUID = 1L;

    SessionEnd() {
        // Control flow, not an error: no message and no stack trace to fill.
        super(null, null, false, false);
    }
}
