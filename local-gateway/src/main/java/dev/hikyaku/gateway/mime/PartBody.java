package dev.hikyaku.gateway.mime;

import java.io.InputStream;

/**
 * The content of one leaf part as a stream, still transfer-encoded: it ends at the next delimiter line (whose
 * preceding line end belongs to the delimiter, per RFC 2046) or at the end of the message.
 */
final class PartBody extends InputStream {
    private final MimeStream stream;
    private final byte[] carry = new byte[2];
    private int carryPosition;
    private int carryLength;
    private final byte[] held = new byte[2];
    private int heldLength;
    private int position;
    private int limit;
    private boolean ended;

    PartBody(MimeStream stream) {
        this.stream = stream;
    }

    @Override
    public int read() {
        while (true) {
            if (carryPosition < carryLength) {
                return carry[carryPosition++] & 0xff;
            }
            if (position < limit) {
                return stream.chunk()[position++] & 0xff;
            }
            if (ended) {
                return -1;
            }
            advance();
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        while (true) {
            if (carryPosition < carryLength) {
                int count = Math.min(length, carryLength - carryPosition);
                System.arraycopy(carry, carryPosition, buffer, offset, count);
                carryPosition += count;
                return count;
            }
            if (position < limit) {
                int count = Math.min(length, limit - position);
                System.arraycopy(stream.chunk(), position, buffer, offset, count);
                position += count;
                return count;
            }
            if (ended) {
                return -1;
            }
            advance();
        }
    }

    /** Moves to the next chunk; the previous chunk's line end is let out only once the part goes on. */
    private void advance() {
        boolean more = stream.next();
        boolean atDelimiter = !more && stream.pending() != null;
        if (!atDelimiter) {
            System.arraycopy(held, 0, carry, 0, heldLength);
            carryLength = heldLength;
        } else {
            carryLength = 0;
        }
        carryPosition = 0;
        heldLength = 0;
        position = 0;
        limit = 0;
        if (!more) {
            ended = true;
            return;
        }
        int lineEnd = stream.lineEndLength();
        limit = stream.chunkLength() - lineEnd;
        System.arraycopy(stream.chunk(), limit, held, 0, lineEnd);
        heldLength = lineEnd;
    }
}
