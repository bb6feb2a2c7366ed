package dev.hikyaku.gateway.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The bytes of a file between two offsets, read with positional reads so that several ranges of one channel
 * can be read in turn. A failure to read the file is a {@link DiskReadException}, told apart from a decoder's
 * complaint about the bytes.
 */
final class RangeInputStream extends InputStream {

    /** Reading the file itself failed. */
    static final class DiskReadException extends IOException {
        private static final long serialVersionUID = 1L;

        DiskReadException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final FileChannel channel;
    private long position;
    private final long end;

    RangeInputStream(FileChannel channel, long start, long end) {
        this.channel = channel;
        this.position = start;
        this.end = end;
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
        if (position >= end) {
            return -1;
        }
        int wanted = (int) Math.min(length, end - position);
        try {
            int read = channel.read(ByteBuffer.wrap(buffer, offset, wanted), position);
            if (read < 0) {
                return -1;
            }
            position += read;
            return read;
        } catch (IOException e) {
            throw new DiskReadException(e);
        }
    }
}
