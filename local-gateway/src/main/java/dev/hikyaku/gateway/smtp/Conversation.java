package dev.hikyaku.gateway.smtp;

import java.io.IOException;
import java.util.List;

/**
 * The current exchange of lines with the client: its reader and its writer. A new one replaces it after
 * STARTTLS, so nothing read before the handshake survives into the TLS session.
 */
final class Conversation {
    private final ClientInput input;
    private final ReplyWriter writer;

    Conversation(SessionTransport transport) throws IOException {
        this.input = new ClientInput(transport.input());
        this.writer = new ReplyWriter(transport.output());
    }

    /** The reader, for the message text after DATA. */
    ClientInput input() {
        return input;
    }

    /**
     * Reads one line of at most {@code maxOctets} (with CRLF). A bare CR or LF is answered with 521 and ends
     * the session; so does the end of the stream (silently). Returns COMPLETE, TOO_LONG or CONTAINS_NUL.
     */
    LineStatus readLine(int maxOctets) throws IOException, SessionEnd {
        LineStatus status = input.readLine(maxOctets);
        if (status == LineStatus.BARE_CR) {
            refuseBareLineEnding("<CR>");
        }
        if (status == LineStatus.BARE_LF) {
            refuseBareLineEnding("<LF>");
        }
        if (status == LineStatus.END_OF_STREAM) {
            throw new SessionEnd();
        }
        return status;
    }

    /** Answers a bare CR or LF, which leaves the client's framing untrustworthy, and ends the session. */
    void refuseBareLineEnding(String which) throws IOException, SessionEnd {
        end(521, "5.5.2", "Error: bare " + which + " received; SMTP lines must end with <CR><LF>."
                + " Closing the connection");
    }

    /**
     * Ends the session with 554 when the client has sent more before it was its turn (RFC 2920: the command
     * just read must end a pipelined group, or pipelining was never offered).
     */
    void requireClientWaited() throws IOException, SessionEnd {
        if (input.hasPendingInput()) {
            end(554, "5.5.0", "Error: SMTP protocol synchronization: commands were sent before the reply"
                    + " to the previous one. Closing the connection");
        }
    }

    /** One reply. */
    void reply(int code, String enhanced, String text) throws IOException {
        writer.send(code, enhanced, text);
    }

    /** A reply the handler made. */
    void reply(Reply reply) throws IOException {
        writer.send(reply);
    }

    /** A multi-line reply. */
    void replyLines(int code, List<String> lines) throws IOException {
        writer.sendLines(code, lines);
    }

    /** Sends a last reply and ends the session. */
    void end(int code, String enhanced, String text) throws IOException, SessionEnd {
        writer.send(code, enhanced, text);
        throw new SessionEnd();
    }
}
