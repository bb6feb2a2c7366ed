package dev.hikyaku.gateway.smtp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Where the lines of a message go: the handler's body stream, buffered. A failure to write (a full disk) is
 * remembered rather than thrown, so the rest of the message is still read from the client and the failure
 * answered with 451 at the end instead of breaking the conversation.
 */
final class MessageTarget {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final int BUFFER = 64 * 1024;

    private final OutputStream body;
    private boolean failed;

    MessageTarget(OutputStream body) {
        this.body = new BufferedOutputStream(body, BUFFER);
    }

    /** Writes one line and its CRLF; does nothing once writing failed. */
    void writeLine(byte[] line, int offset, int length) {
        if (failed) {
            return;
        }
        try {
            body.write(line, offset, length);
            body.write(CRLF);
        } catch (IOException | RuntimeException e) {
            failed = true;
        }
    }

    /** Flushes what is buffered; false when any write failed. */
    boolean finish() {
        if (!failed) {
            try {
                body.flush();
            } catch (IOException | RuntimeException e) {
                failed = true;
            }
        }
        return !failed;
    }
}
