package dev.hikyaku.gateway.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A message read once, front to back, in line-sized chunks, knowing the boundaries of the multiparts it is
 * inside. A line that is a delimiter of any enclosing multipart stops reading until the parser claims it, so
 * a part missing its closing boundary still ends where its parent's next part begins. Memory stays at a few
 * buffers whatever the message holds: lines longer than a chunk come in several chunks.
 */
final class MimeStream {
    /** Longer than any valid boundary line (70 characters of boundary, dashes and padding). */
    static final int CHUNK = 8192;

    /** The message itself could not be read (a disk error, not bad content); carries the cause out of the walk. */
    static final class ReadFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReadFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** A delimiter line met: whose boundary ({@code level} in the stack) and whether it closes the multipart. */
    record Delimiter(int level, boolean close) {
    }

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int bufferPosition;
    private int bufferLimit;
    private boolean eof;
    private long consumed;

    private final byte[] chunk = new byte[CHUNK];
    private int chunkLength;
    private boolean chunkAtLineStart;
    private boolean nextAtLineStart = true;

    private final List<byte[]> boundaries = new ArrayList<>();
    private Delimiter pending;

    MimeStream(InputStream in) {
        this.in = in;
    }

    /** Makes lines equal to {@code --boundary} end parts from now on; returns the boundary's level. */
    int pushBoundary(byte[] boundary) {
        byte[] delimiter = new byte[boundary.length + 2];
        delimiter[0] = '-';
        delimiter[1] = '-';
        System.arraycopy(boundary, 0, delimiter, 2, boundary.length);
        boundaries.add(delimiter);
        return boundaries.size() - 1;
    }

    /** Forgets the innermost boundary. */
    void popBoundary() {
        boundaries.remove(boundaries.size() - 1);
    }

    /** The delimiter that stopped reading, if any; it stays until {@link #claim()}. */
    Delimiter pending() {
        return pending;
    }

    /** Claims the pending delimiter, so reading goes on after its line. */
    void claim() {
        pending = null;
    }

    /** The number of bytes read from the message so far. */
    long consumed() {
        return consumed;
    }

    /**
     * Reads the next chunk: up to and including a line feed, or {@link #CHUNK} bytes of a longer line.
     * Returns false at the end of the message or at a delimiter line (then {@link #pending()} tells which).
     */
    boolean next() {
        if (pending != null) {
            return false;
        }
        chunkAtLineStart = nextAtLineStart;
        chunkLength = 0;
        while (chunkLength < CHUNK) {
            if (bufferPosition == bufferLimit && !refill()) {
                break;
            }
            byte b = buffer[bufferPosition++];
            chunk[chunkLength++] = b;
            if (b == '\n') {
                break;
            }
        }
        if (chunkLength == 0) {
            return false;
        }
        nextAtLineStart = chunk[chunkLength - 1] == '\n';
        if (chunkAtLineStart && chunkLength >= 3 && chunk[0] == '-' && chunk[1] == '-') {
            Delimiter delimiter = delimiter();
            if (delimiter != null) {
                pending = delimiter;
                if (!nextAtLineStart) {
                    skipRestOfLine();
                }
                return false;
            }
        }
        return true;
    }

    /** The current chunk's bytes, valid until the next call of {@link #next()}. */
    byte[] chunk() {
        return chunk;
    }

    /** The current chunk's length. */
    int chunkLength() {
        return chunkLength;
    }

    /** Whether the current chunk begins a line. */
    boolean chunkAtLineStart() {
        return chunkAtLineStart;
    }

    /** The length of the line end ({@code CRLF} or {@code LF}) the current chunk ends with, or 0. */
    int lineEndLength() {
        if (chunkLength == 0 || chunk[chunkLength - 1] != '\n') {
            return 0;
        }
        return chunkLength >= 2 && chunk[chunkLength - 2] == '\r' ? 2 : 1;
    }

    /** Skips everything up to the next delimiter or the end of the message. */
    void skipToDelimiter() {
        while (next()) {
            // Nothing to keep: preambles, epilogues and parts past the limits.
        }
    }

    /** Reads and discards the rest of the message; returns its total size. */
    long drain() {
        pending = null;
        boundaries.clear();
        while (bufferPosition < bufferLimit || refill()) {
            bufferPosition = bufferLimit;
        }
        return consumed;
    }

    /** Innermost boundary first, so that a boundary that extends an outer one is still told apart. */
    private Delimiter delimiter() {
        for (int level = boundaries.size() - 1; level >= 0; level--) {
            byte[] candidate = boundaries.get(level);
            if (!startsWith(candidate)) {
                continue;
            }
            int i = candidate.length;
            if (i + 1 < chunkLength && chunk[i] == '-' && chunk[i + 1] == '-') {
                return new Delimiter(level, true);
            }
            while (i < chunkLength && (chunk[i] == ' ' || chunk[i] == '\t' || chunk[i] == '\r' || chunk[i] == '\n')) {
                i++;
            }
            if (i == chunkLength) {
                return new Delimiter(level, false);
            }
        }
        return null;
    }

    private boolean startsWith(byte[] candidate) {
        if (candidate.length > chunkLength) {
            return false;
        }
        for (int i = 0; i < candidate.length; i++) {
            if (chunk[i] != candidate[i]) {
                return false;
            }
        }
        return true;
    }

    private void skipRestOfLine() {
        while (bufferPosition < bufferLimit || refill()) {
            if (buffer[bufferPosition++] == '\n') {
                break;
            }
        }
        nextAtLineStart = true;
    }

    private boolean refill() {
        if (eof) {
            return false;
        }
        try {
            int read = in.read(buffer, 0, buffer.length);
            if (read <= 0) {
                // A stream that returns 0 for a non-empty buffer is broken; treat it as the end.
                eof = true;
                return false;
            }
            bufferPosition = 0;
            bufferLimit = read;
            consumed += read;
            return true;
        } catch (IOException e) {
            throw new ReadFailure(e);
        }
    }
}
