package dev.hikyaku.gateway.smtp;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A session transport over memory, for driving a session with a scripted client byte stream. The client's
 * bytes arrive in chunks: a chunk arrives (becomes visible to {@code available()}) only when the session
 * reads after having read all of the one before, the way a client that waits for its turn delivers them.
 */
final class MemoryTransport implements SessionTransport {
    private final ChunkedInput input;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private MemoryTransport(List<byte[]> chunks, boolean sentBeforeGreeting) {
        this.input = new ChunkedInput(chunks, sentBeforeGreeting);
    }

    /** Every chunk ends after an LF: the client sends one line at a time. */
    static MemoryTransport lineByLine(byte[] stream) {
        List<byte[]> chunks = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < stream.length; i++) {
            if (stream[i] == '\n') {
                chunks.add(Arrays.copyOfRange(stream, start, i + 1));
                start = i + 1;
            }
        }
        if (start < stream.length) {
            chunks.add(Arrays.copyOfRange(stream, start, stream.length));
        }
        return new MemoryTransport(chunks, false);
    }

    /** The whole stream is there from the start: the client sent everything at once, before the greeting. */
    static MemoryTransport allAtOnce(byte[] stream) {
        return new MemoryTransport(List.of(stream), true);
    }

    /** What the session wrote. */
    byte[] written() {
        return output.toByteArray();
    }

    @Override
    public void open() {
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public InetSocketAddress client() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 50_000);
    }

    @Override
    public boolean tlsActive() {
        return false;
    }

    @Override
    public boolean canStartTls() {
        return false;
    }

    @Override
    public void startTls() {
        throw new IllegalStateException("no TLS in memory");
    }

    @Override
    public void readTimeout(Duration timeout) {
    }

    @Override
    public void close() {
    }

    private static final class ChunkedInput extends InputStream {
        private final List<byte[]> chunks;
        private int chunk;
        private int position;
        private boolean arrived;

        ChunkedInput(List<byte[]> chunks, boolean firstArrived) {
            this.chunks = chunks;
            this.arrived = firstArrived;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            while (chunk < chunks.size() && arrived && position == chunks.get(chunk).length) {
                chunk++;
                position = 0;
                arrived = false;
            }
            if (chunk == chunks.size()) {
                return -1;
            }
            arrived = true;
            byte[] current = chunks.get(chunk);
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, count);
            position += count;
            return count;
        }

        @Override
        public int available() {
            return chunk < chunks.size() && arrived ? chunks.get(chunk).length - position : 0;
        }
    }
}
