package dev.hikyaku.gateway.smtp;

/** A command (or one of its arguments) the listener refuses, with the reply that tells the client why. */
final class CommandRefusal extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Reply reply;

    CommandRefusal(int code, String enhanced, String text) {
        // The reply is the message; no stack trace is needed for a refusal of client input.
        super(null, null, false, false);
        this.reply = new Reply(code, enhanced, text);
    }

    /** The reply for the client. */
    Reply reply() {
        return reply;
    }
}
