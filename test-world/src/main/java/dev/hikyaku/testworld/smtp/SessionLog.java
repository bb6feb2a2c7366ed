package dev.hikyaku.testworld.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The growing record of one connection. Each event is written before the client sees the reply to it,
 * so a test that has its reply also finds the event here. A TLS handshake has no reply of its own (and a
 * TLS 1.3 client finishes before the server does): its details are certain once the next command after
 * STARTTLS has been answered.
 */
final class SessionLog {

    private static final int MAX_COMMANDS = 10_000;

    private final int number;
    private String ehloName;
    private TlsDetails tls;
    private String tlsFailure;
    private final List<ReceivedMessage> messages = new ArrayList<>();
    private final List<AuthAttempt> authAttempts = new ArrayList<>();
    private final List<String> commands = new ArrayList<>();

    SessionLog(int number) {
        this.number = number;
    }

    synchronized void ehlo(String name) {
        ehloName = name;
    }

    synchronized void tls(TlsDetails details) {
        tls = details;
    }

    synchronized void tlsFailed(String reason) {
        tlsFailure = reason;
    }

    synchronized void auth(AuthAttempt attempt) {
        authAttempts.add(attempt);
    }

    /** Records a command line; a client that talks without end stops being recorded, not served. */
    synchronized void command(String line) {
        if (commands.size() < MAX_COMMANDS) {
            commands.add(line);
        }
    }

    synchronized void message(ReceivedMessage message) {
        messages.add(message);
    }

    synchronized SmtpSession snapshot() {
        return new SmtpSession(number, Optional.ofNullable(ehloName), Optional.ofNullable(tls),
                Optional.ofNullable(tlsFailure), messages);
    }

    synchronized SubmissionSession submissionSnapshot() {
        return new SubmissionSession(number, Optional.ofNullable(ehloName), Optional.ofNullable(tls),
                Optional.ofNullable(tlsFailure), authAttempts, commands, messages);
    }
}
