package dev.hikyaku.gateway.packaging;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The copy being written: text lines, byte ranges of the original message, and base64 bodies, streamed
 * through one buffer into the output file, which {@link #finish()} forces to disk.
 */
final class CopyOutput implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final int LINE_BYTES = 57;

    private final FileChannel original;
    private final FileChannel channel;
    private final OutputStream out;
    private final ByteBuffer copyBuffer = ByteBuffer.allocate(BUFFER);

    CopyOutput(FileChannel original, FileChannel channel) {
        this.original = original;
        this.channel = channel;
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
    }

    /** Writes bytes as they are. */
    void write(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    /** Writes US-ASCII text (header lines and boundaries) as it is. */
    void ascii(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Copies the original message's bytes from {@code start} to {@code end}. */
    void copy(long start, long end) throws IOException {
        long position = start;
        while (position < end) {
            copyBuffer.clear().limit((int) Math.min(BUFFER, end - position));
            int read = original.read(copyBuffer, position);
            if (read < 0) {
                throw new IOException("the message file ended before offset " + end);
            }
            out.write(copyBuffer.array(), 0, read);
            position += read;
        }
    }

    /** Writes everything {@code content} gives as base64 in lines of 76 characters, ending with a line break. */
    void base64(InputStream content) throws IOException {
        // Whole lines of 57 bytes per block, so the blocks' lines join up; the array encoder is the fast one.
        byte[] block = new byte[LINE_BYTES * 1024];
        Base64.Encoder encoder = Base64.getMimeEncoder(76, CRLF);
        int filled = 0;
        for (int read = content.read(block); read >= 0; read = content.read(block, filled, block.length - filled)) {
            filled += read;
            if (filled == block.length) {
                out.write(encoder.encode(block));
                out.write(CRLF);
                filled = 0;
            }
        }
        if (filled > 0) {
            out.write(encoder.encode(Arrays.copyOf(block, filled)));
            out.write(CRLF);
        }
    }

    /** Flushes and forces the copy to disk; returns its size. */
    long finish() throws IOException {
        out.flush();
        channel.force(true);
        return channel.size();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
