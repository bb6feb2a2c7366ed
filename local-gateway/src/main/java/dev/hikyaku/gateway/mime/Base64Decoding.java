package dev.hikyaku.gateway.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A lenient base64 decoder: characters outside the alphabet are skipped, padding ends a group wherever it
 * comes (some mailers join encoded blocks), and a dangling last character is dropped. Never fails on content.
 */
final class Base64Decoding extends InputStream {
    private static final int[] VALUES = new int[256];

    static {
        Arrays.fill(VALUES, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = i;
        }
    }

    private final InputStream encoded;
    private final byte[] in = new byte[8192];
    private final byte[] out = new byte[6144];
    private int outPosition;
    private int outLimit;
    private int quantum;
    private int quantumLength;
    private boolean end;

    Base64Decoding(InputStream encoded) {
        this.encoded = encoded;
    }

    /** Decodes a short encoded text, such as an RFC 2047 encoded word. */
    static byte[] decode(String text) {
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(text.length() * 3 / 4 + 3);
        ByteSink sink = decoded::write;
        Base64Decoding decoder = new Base64Decoding(InputStream.nullInputStream());
        for (int i = 0; i < text.length(); i++) {
            decoder.accept(text.charAt(i) < 256 ? text.charAt(i) : 0, sink);
        }
        decoder.flushPartial(sink);
        return decoded.toByteArray();
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
        while (outPosition == outLimit) {
            if (end) {
                return -1;
            }
            fill();
        }
        int count = Math.min(length, outLimit - outPosition);
        System.arraycopy(out, outPosition, buffer, offset, count);
        outPosition += count;
        return count;
    }

    private void fill() throws IOException {
        int read = encoded.read(in, 0, in.length);
        ArrayBuilder sink = new ArrayBuilder(out);
        if (read < 0) {
            // An unpadded last group still carries whole bytes.
            flushPartial(sink);
            end = true;
        }
        for (int i = 0; i < read; i++) {
            accept(in[i] & 0xff, sink);
        }
        outPosition = 0;
        outLimit = sink.length;
    }

    private void accept(int c, ByteSink sink) {
        if (c == '=') {
            flushPartial(sink);
            return;
        }
        int value = VALUES[c];
        if (value < 0) {
            return;
        }
        quantum = quantum << 6 | value;
        quantumLength++;
        if (quantumLength == 4) {
            sink.put(quantum >> 16);
            sink.put(quantum >> 8);
            sink.put(quantum);
            quantum = 0;
            quantumLength = 0;
        }
    }

    /** Padding: emit the whole bytes of a partial group. */
    private void flushPartial(ByteSink sink) {
        if (quantumLength == 2) {
            sink.put(quantum >> 4);
        } else if (quantumLength == 3) {
            sink.put(quantum >> 10);
            sink.put(quantum >> 2);
        }
        quantum = 0;
        quantumLength = 0;
    }

    /** Where decoded bytes go. */
    private interface ByteSink {
        void put(int b);
    }

    /** Fills the output array; 8 KiB in gives at most 6 KiB out, so it never overflows. */
    private static final class ArrayBuilder implements ByteSink {
        private final byte[] target;
        private int length;

        ArrayBuilder(byte[] target) {
            this.target = target;
        }

        @Override
        public void put(int b) {
            target[length++] = (byte) b;
        }
    }
}
