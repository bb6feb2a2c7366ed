package dev.hikyaku.testworld.smtp;

import java.util.List;
import java.util.Optional;

/**
 * What happened on one connection to an MX, as far as it has gone.
 *
 * @param number 1 for the first connection the MX accepted, 2 for the next, ...
 * @param ehloName the name of the latest EHLO or HELO, if the client sent one
 * @param tls what STARTTLS negotiated, if a handshake succeeded
 * @param tlsFailure the reason a STARTTLS handshake failed, if one did
 * @param messages the messages accepted on this connection
 */
public record SmtpSession(int number, Optional<String> ehloName, Optional<TlsDetails> tls,
        Optional<String> tlsFailure, List<ReceivedMessage> messages) {

    /** Copies the message list. */
    public SmtpSession {
        messages = List.copyOf(messages);
    }

    /** Whether STARTTLS succeeded on this connection. */
    public boolean isTls() {
        return tls.isPresent();
    }
}
