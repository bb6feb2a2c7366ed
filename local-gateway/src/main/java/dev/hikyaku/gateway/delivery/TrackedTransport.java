package dev.hikyaku.gateway.delivery;

import dev.hikyaku.gateway.auth.Credentials;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus's SMTP transport, watched through its protected hooks: how far a transaction got (a broken pooled
 * connection may be retried only while the upstream cannot have kept anything) and each RCPT TO's own reply.
 * Used by one thread at a time.
 */
final class TrackedTransport extends SMTPTransport {

    /** How far the current transaction has got. */
    enum Phase {
        /** No transaction yet. */
        IDLE,
        /** MAIL FROM sent or being sent. */
        MAIL,
        /** RCPT TO commands. */
        RCPT,
        /** DATA, then the message's bytes. */
        DATA,
        /** The final dot: from here on the upstream may have the message. */
        FINAL_DOT
    }

    private final List<UpstreamReply> recipientReplies = new ArrayList<>();
    private Phase phase = Phase.IDLE;
    private boolean awaitingRecipientReply;

    TrackedTransport(Session session, URLName url) {
        super(session, url);
    }

    /** Connects (EHLO, STARTTLS or implicit TLS as the session says) and authenticates with the credentials. */
    synchronized void connectAs(String host, int port, Optional<Credentials> credentials) throws MessagingException {
        if (credentials.isEmpty()) {
            connect(host, port, null, null);
            return;
        }
        Credentials given = credentials.get();
        // An empty authorization identity must stay empty: Angus would otherwise repeat the user name.
        setAuthorizationID(given.authorizationId());
        char[] secret = given.secret();
        try {
            connect(host, port, given.username(), new String(secret));
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** Sends the message to the recipients, first forgetting what the previous transaction recorded. */
    synchronized void send(FileMessage message, InternetAddress[] recipients) throws MessagingException {
        phase = Phase.IDLE;
        recipientReplies.clear();
        sendMessage(message, recipients);
    }

    synchronized Phase phase() {
        return phase;
    }

    /** The replies to this transaction's RCPT TO commands, in the order the recipients were given. */
    synchronized List<UpstreamReply> recipientReplies() {
        return List.copyOf(recipientReplies);
    }

    /** The latest reply the upstream gave, whatever the command. */
    synchronized UpstreamReply lastReply() {
        return UpstreamReply.parse(getLastReturnCode(), getLastServerResponse());
    }

    /** Whether the connection is still open, asked without sending anything (unlike {@link #isConnected}). */
    synchronized boolean isOpen() {
        try {
            checkConnected();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Whether the upstream offered the SASL mechanism in its latest EHLO answer. */
    synchronized boolean offersMechanism(String mechanism) {
        return supportsAuthentication(mechanism);
    }

    Session session() {
        return session;
    }

    @Override
    protected void mailFrom() throws MessagingException {
        phase = Phase.MAIL;
        super.mailFrom();
    }

    @Override
    protected void rcptTo() throws MessagingException {
        phase = Phase.RCPT;
        super.rcptTo();
    }

    @Override
    protected OutputStream data() throws MessagingException {
        phase = Phase.DATA;
        return super.data();
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        phase = Phase.FINAL_DOT;
        super.finishData();
    }

    @Override
    protected void sendCommand(String command) throws MessagingException {
        // Only whether it is a RCPT is kept: AUTH commands carry secrets.
        awaitingRecipientReply = command.regionMatches(true, 0, "RCPT TO:", 0, "RCPT TO:".length());
        super.sendCommand(command);
    }

    @Override
    protected int readServerResponse() throws MessagingException {
        boolean recipient = awaitingRecipientReply;
        awaitingRecipientReply = false;
        int code = super.readServerResponse();
        if (recipient) {
            recipientReplies.add(UpstreamReply.parse(code, getLastServerResponse()));
        }
        return code;
    }
}
