package dev.hikyaku.gateway.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A message file read once, front to back, in line-sized chunks, knowing each chunk's offset in the file and
 * the boundaries of the multiparts it is inside. A line that is a delimiter of any enclosing multipart stops
 * reading until the reader claims it, so a part missing its closing boundary still ends where its parent's
 * next part begins. Memory stays at two buffers whatever the message holds.
 */
final class LineScanner {
    /** Longer than any valid boundary line; longer lines come in several chunks. */
    static final int CHUNK = 8192;

    /**
     * A delimiter line met: whose boundary ({@code level} in the stack), whether it closes the multipart, and
     * where the part before it ends (before the line break that belongs to the delimiter, RFC 2046).
     */
    record Delimiter(int level, boolean close, long partEnd) {
    }

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int bufferPosition;
    private int bufferLimit;
    private long bufferStart;
    private boolean eof;

    private final byte[] chunk = new byte[CHUNK];
    private int chunkLength;
    private long chunkOffset;
    private boolean chunkAtLineStart;
    private boolean nextAtLineStart = true;
    /** The length of the line end just before the next byte to be read: 2 after CRLF, 1 after LF, else 0. */
    private int precedingLineEnd;

    private final List<byte[]> boundaries = new ArrayList<>();
    private Delimiter pending;

    LineScanner(InputStream in) {
        this.in = in;
    }

    /** The offset of the next byte to be read. */
    long offset() {
        return bufferStart + bufferPosition;
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

    /**
     * Reads the next chunk: up to and including a line feed, or {@link #CHUNK} bytes of a longer line.
     * Returns false at the end of the file or at a delimiter line (then {@link #pending()} tells which).
     */
    boolean next() throws IOException {
        if (pending != null) {
            return false;
        }
        int previousLineEnd = precedingLineEnd;
        chunkAtLineStart = nextAtLineStart;
        chunkOffset = offset();
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
        precedingLineEnd = lineEndLength();
        if (chunkAtLineStart && chunkLength >= 3 && chunk[0] == '-' && chunk[1] == '-') {
            Delimiter delimiter = delimiter(chunkOffset - previousLineEnd);
            if (delimiter != null) {
                pending = delimiter;
                if (!nextAtLineStart) {
                    skipRestOfLine();
                }
                chunkLength = 0;
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

    /** The current chunk's offset in the file. */
    long chunkOffset() {
        return chunkOffset;
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

    /** Skips everything up to the next delimiter or the end of the file. */
    void skipToDelimiter() throws IOException {
        while (next()) {
            // Nothing to keep: bodies are copied or decoded later from their offsets.
        }
    }

    /** Innermost boundary first, so that a boundary that extends an outer one is still told apart. */
    private Delimiter delimiter(long partEnd) {
        for (int level = boundaries.size() - 1; level >= 0; level--) {
            byte[] candidate = boundaries.get(level);
            if (!startsWith(candidate)) {
                continue;
            }
            int i = candidate.length;
            if (i + 1 < chunkLength && chunk[i] == '-' && chunk[i + 1] == '-') {
                return new Delimiter(level, true, partEnd);
            }
            while (i < chunkLength && (chunk[i] == ' ' || chunk[i] == '\t' || chunk[i] == '\r' || chunk[i] == '\n')) {
                i++;
            }
            if (i == chunkLength) {
                return new Delimiter(level, false, partEnd);
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

    private void skipRestOfLine() throws IOException {
        boolean carriageReturn = false;
        precedingLineEnd = 0;
        while (bufferPosition < bufferLimit || refill()) {
            byte b = buffer[bufferPosition++];
            if (b == '\n') {
                precedingLineEnd = carriageReturn ? 2 : 1;
                break;
            }
            carriageReturn = b == '\r';
        }
        nextAtLineStart = true;
    }

    private boolean refill() throws IOException {
        if (eof) {
            return false;
        }
        bufferStart += bufferLimit;
        bufferPosition = 0;
        bufferLimit = 0;
        int read = in.read(buffer, 0, buffer.length);
        if (read <= 0) {
            // A stream that returns 0 for a non-empty buffer is broken; treat it as the end.
            eof = true;
            return false;
        }
        bufferLimit = read;
        return true;
    }
}
