package dev.hikyaku.testworld.smtp;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads SMTP lines (CRLF, bare LF tolerated) with a bounded length, so a hostile client cannot make the
 * fixture buffer without end.
 */
final class SmtpLineReader {

    private final InputStream in;
    private final int limit;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int end;

    SmtpLineReader(InputStream in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The next line without its line ending; throws EOFException at end of stream. */
    byte[] readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean tooLong = false;
        while (true) {
            if (position == end && !fill()) {
                throw new EOFException("connection closed in the middle of a line");
            }
            byte b = buffer[position++];
            if (b == '\n') {
                if (tooLong) {
                    throw new LineTooLongException(limit);
                }
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return Arrays.copyOf(bytes, length);
            }
            if (line.size() > limit) {
                tooLong = true;
            } else {
                line.write(b);
            }
        }
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer);
        if (read < 0) {
            return false;
        }
        position = 0;
        end = read;
        return true;
    }
}
