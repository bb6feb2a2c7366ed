package dev.hikyaku.gateway.auth;

/** What the upstream server said of a client's credentials, replayed at AUTH time. */
public sealed interface AuthOutcome {

    /** The upstream accepted the credentials (or needs none). */
    record Accepted() implements AuthOutcome {
    }

    /**
     * The upstream refused them: the client is told so with the upstream's own code and text.
     *
     * @param code     the upstream's reply code (535, 534, ...)
     * @param enhanced the upstream's enhanced status code, such as {@code 5.7.8}, or empty
     * @param text     the upstream's reply text, already checked to be printable US-ASCII
     */
    record Refused(int code, String enhanced, String text) implements AuthOutcome {
    }

    /**
     * The upstream could not be asked (down, TLS failure, timeout): a temporary failure for the client.
     *
     * @param reason what went wrong, for the log and the 454 reply text; never contains the secret
     */
    record Unavailable(String reason) implements AuthOutcome {
    }
}
