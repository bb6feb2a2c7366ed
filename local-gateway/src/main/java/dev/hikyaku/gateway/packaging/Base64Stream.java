package dev.hikyaku.gateway.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Base64 content decoded as a stream, in blocks: line breaks and other characters outside the alphabet are
 * skipped (as RFC 2045 asks), whole quanta go through the JDK's array decoder. The JDK's own decoding stream
 * reads one byte per call and is several times slower on a 25 MB attachment. Data after the padding, or a
 * lone character at the end, is damage: {@link PartDecoding.DamagedContent}.
 */
final class Base64Stream extends InputStream {
    private static final int BLOCK = 48 * 1024;
    private static final boolean[] ALPHABET = new boolean[256];

    static {
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray()) {
            ALPHABET[c] = true;
        }
    }

    private final InputStream in;
    private final byte[] raw = new byte[BLOCK];
    /** Alphabet characters (and padding) waiting to be decoded; up to three carried over from the last block. */
    private final byte[] quanta = new byte[BLOCK + 4];
    private int quantaLength;
    private byte[] decoded = new byte[0];
    private int position;
    private boolean padded;
    private boolean ended;

    Base64Stream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == decoded.length) {
            if (!fill()) {
                return -1;
            }
        }
        int count = Math.min(length, decoded.length - position);
        System.arraycopy(decoded, position, buffer, offset, count);
        position += count;
        return count;
    }

    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        int read = in.read(raw, 0, raw.length);
        if (read < 0) {
            ended = true;
            if (quantaLength % 4 == 1) {
                throw damaged("a lone base64 character at the end");
            }
            return decode(quantaLength);
        }
        for (int i = 0; i < read; i++) {
            int c = raw[i] & 0xff;
            if (c == '=') {
                padded = true;
                quanta[quantaLength++] = (byte) c;
            } else if (ALPHABET[c]) {
                if (padded) {
                    throw damaged("base64 data after its padding");
                }
                quanta[quantaLength++] = (byte) c;
            }
        }
        return decode(quantaLength - quantaLength % 4);
    }

    /** Decodes the first {@code count} characters and keeps the rest for the next block. */
    private boolean decode(int count) throws PartDecoding.DamagedContent {
        try {
            ByteBuffer bytes = Base64.getDecoder().decode(ByteBuffer.wrap(quanta, 0, count));
            decoded = new byte[bytes.remaining()];
            bytes.get(decoded);
        } catch (IllegalArgumentException e) {
            throw new PartDecoding.DamagedContent(e);
        }
        position = 0;
        System.arraycopy(quanta, count, quanta, 0, quantaLength - count);
        quantaLength -= count;
        return true;
    }

    private static PartDecoding.DamagedContent damaged(String what) {
        return new PartDecoding.DamagedContent(new IllegalArgumentException(what));
    }
}
