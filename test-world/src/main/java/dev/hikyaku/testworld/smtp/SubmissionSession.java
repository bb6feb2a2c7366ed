package dev.hikyaku.testworld.smtp;

import java.util.List;
import java.util.Optional;

/**
 * What happened on one connection to a submission server, as far as it has gone.
 *
 * @param number 1 for the first connection the server accepted (over all its restarts), 2 for the next, ...
 * @param ehloName the name of the latest EHLO or HELO, if the client sent one
 * @param tls what TLS negotiated (STARTTLS or implicit), if a handshake succeeded
 * @param tlsFailure the reason a TLS handshake failed, if one did
 * @param authAttempts every AUTH exchange, in order
 * @param commands every command line in order, as received, except that AUTH shows only its mechanism (and
 *                 {@code ***} for an initial response); the lines of a message and of a SASL exchange are not commands
 * @param messages the messages accepted on this connection
 */
public record SubmissionSession(int number, Optional<String> ehloName, Optional<TlsDetails> tls,
        Optional<String> tlsFailure, List<AuthAttempt> authAttempts, List<String> commands,
        List<ReceivedMessage> messages) {

    /** Copies the lists. */
    public SubmissionSession {
        authAttempts = List.copyOf(authAttempts);
        commands = List.copyOf(commands);
        messages = List.copyOf(messages);
    }

    /** Whether TLS was negotiated on this connection. */
    public boolean isTls() {
        return tls.isPresent();
    }

    /** The user of the last accepted AUTH, if one was accepted. */
    public Optional<String> authenticatedUser() {
        return authAttempts.stream().filter(AuthAttempt::accepted).reduce((first, second) -> second)
                .map(AuthAttempt::username);
    }

    /** The command lines that start with the verb (case-insensitive), e.g. {@code "MAIL"}. */
    public List<String> commands(String verb) {
        return commands.stream().filter(line -> line.regionMatches(true, 0, verb, 0, verb.length())).toList();
    }
}
