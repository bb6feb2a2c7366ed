package dev.hikyaku.gateway.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The strict byte reader every client byte passes through. A line ends only at CRLF; a bare CR or bare LF is
 * reported as such (never taken as a line end), which is what keeps SMTP smuggling variants such as
 * {@code <LF>.<LF>} from ending or splitting a message. Lines are bounded, so no client can make it buffer
 * without end.
 */
final class ClientInput {
    private static final int INITIAL_LINE = 256;

    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int end;
    private byte[] line = new byte[INITIAL_LINE];
    private int length;

    ClientInput(InputStream in) {
        this.in = in;
    }

    /**
     * Reads the next line into the line buffer. {@code maxOctets} counts the CRLF; of a longer line only the
     * first {@code maxOctets - 2} octets are kept and the rest is read and dropped.
     */
    LineStatus readLine(int maxOctets) throws IOException {
        int keep = maxOctets - 2;
        length = 0;
        boolean tooLong = false;
        boolean nul = false;
        while (true) {
            if (position == end && !fill()) {
                return LineStatus.END_OF_STREAM;
            }
            byte b = buffer[position++];
            if (b == '\r') {
                if (position == end && !fill()) {
                    return LineStatus.END_OF_STREAM;
                }
                if (buffer[position] != '\n') {
                    return LineStatus.BARE_CR;
                }
                position++;
                return tooLong ? LineStatus.TOO_LONG : nul ? LineStatus.CONTAINS_NUL : LineStatus.COMPLETE;
            }
            if (b == '\n') {
                return LineStatus.BARE_LF;
            }
            nul |= b == 0;
            if (length < keep) {
                append(b);
            } else {
                tooLong = true;
            }
        }
    }

    /** The line buffer; the last line read is its first {@link #length()} octets. */
    byte[] lineBuffer() {
        return line;
    }

    /** The length of the last line read, without its CRLF (and without what was dropped of a long line). */
    int length() {
        return length;
    }

    /** A copy of the last line read. */
    byte[] copyLine() {
        return Arrays.copyOf(line, length);
    }

    /**
     * Whether the client has sent bytes that were not read yet: in this reader's buffer or waiting in the
     * stream. Used to catch clients that talk before it is their turn.
     */
    boolean hasPendingInput() throws IOException {
        return position < end || in.available() > 0;
    }

    /** Waits (as long as the stream's read timeout allows) for more bytes; false at end of stream. */
    boolean awaitInput() throws IOException {
        return position < end || fill();
    }

    /** Overwrites what this reader holds, so that an AUTH secret does not linger in its buffers. */
    void wipe() {
        Arrays.fill(line, (byte) 0);
        Arrays.fill(buffer, 0, position, (byte) 0);
        length = 0;
    }

    private void append(byte b) {
        if (length == line.length) {
            line = Arrays.copyOf(line, line.length * 2);
        }
        line[length++] = b;
    }

    private boolean fill() throws IOException {
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        if (read < 0) {
            return false;
        }
        position = 0;
        end = read;
        return true;
    }
}
