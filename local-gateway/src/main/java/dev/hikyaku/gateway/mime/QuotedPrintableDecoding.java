package dev.hikyaku.gateway.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * A lenient quoted-printable decoder: {@code =XX} becomes the byte, {@code =} at a line end joins the lines,
 * and an {@code =} followed by anything else is kept as it is. Never fails on content.
 */
final class QuotedPrintableDecoding extends InputStream {
    private final PushbackInputStream encoded;

    QuotedPrintableDecoding(InputStream encoded) {
        this.encoded = new PushbackInputStream(encoded, 2);
    }

    /** Decodes an RFC 2047 "Q" encoded word, where {@code _} stands for a space. */
    static byte[] decodeWord(String text) {
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int high = i + 2 < text.length() ? hex(text.charAt(i + 1)) : -1;
            int low = i + 2 < text.length() ? hex(text.charAt(i + 2)) : -1;
            if (c == '=' && high >= 0 && low >= 0) {
                decoded.write(high << 4 | low);
                i += 2;
            } else if (c == '_') {
                decoded.write(' ');
            } else {
                decoded.write(c < 256 ? c : '?');
            }
        }
        return decoded.toByteArray();
    }

    @Override
    public int read() throws IOException {
        while (true) {
            int c = encoded.read();
            if (c != '=') {
                return c;
            }
            int first = encoded.read();
            if (first == '\n') {
                continue;
            }
            if (first == '\r') {
                int second = encoded.read();
                if (second != '\n' && second >= 0) {
                    encoded.unread(second);
                }
                continue;
            }
            if (first < 0) {
                return '=';
            }
            int second = encoded.read();
            int high = hex(first);
            int low = second < 0 ? -1 : hex(second);
            if (high >= 0 && low >= 0) {
                return high << 4 | low;
            }
            if (second >= 0) {
                encoded.unread(second);
            }
            encoded.unread(first);
            return '=';
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int count = 0;
        while (count < length) {
            int b = read();
            if (b < 0) {
                return count == 0 ? -1 : count;
            }
            buffer[offset + count++] = (byte) b;
        }
        return count;
    }

    private static int hex(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
