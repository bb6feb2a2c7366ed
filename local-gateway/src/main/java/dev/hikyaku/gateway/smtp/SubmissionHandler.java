package dev.hikyaku.gateway.smtp;

import dev.hikyaku.gateway.auth.AuthOutcome;
import dev.hikyaku.gateway.auth.Credentials;
import java.io.IOException;

/**
 * What the submission listener asks of the rest of the gateway. The listener owns the protocol (framing,
 * limits, TLS, SASL exchange); the handler owns what credentials and messages mean.
 */
public interface SubmissionHandler {

    /** Whether a client must AUTH before MAIL: true when the upstream server needs authentication. */
    boolean authenticationRequired();

    /** Checks a client's credentials by replaying them upstream; runs on the session's thread and may block. */
    AuthOutcome authenticate(Credentials credentials);

    /**
     * Opens the spool entry for one message once DATA begins; the listener writes the message into it,
     * dot-unstuffed and without the final {@code CRLF.CRLF}, then commits or abandons it.
     */
    MessageSink begin(Envelope envelope) throws IOException;
}
