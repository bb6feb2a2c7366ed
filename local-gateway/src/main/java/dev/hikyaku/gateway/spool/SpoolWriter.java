package dev.hikyaku.gateway.spool;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** One message being written into the {@link Spool}: {@link #commit()} makes it durable, {@link #abandon()} drops it. */
public final class SpoolWriter implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;

    private final Spool spool;
    private final String id;
    private final Path part;
    private final FileChannel channel;
    private final OutputStream out;
    private long written;
    private boolean finished;

    SpoolWriter(Spool spool, String id, Path part) throws IOException {
        this.spool = spool;
        this.id = id;
        this.part = part;
        this.channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER) {
            @Override
            public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
                super.write(bytes, offset, length);
                written += length;
            }

            @Override
            public synchronized void write(int b) throws IOException {
                super.write(b);
                written++;
            }

            @Override
            public void close() {
                // The writer owns the channel: commit or abandon closes it, not the caller of body().
            }
        };
    }

    /** The message id. */
    public String id() {
        return id;
    }

    /** Where the bytes go. */
    public OutputStream stream() {
        return out;
    }

    /** Bytes written so far. */
    public long size() {
        return written;
    }

    /** Flushes, syncs the file to disk and moves it under its final name; returns that path. */
    public Path commit() throws IOException {
        finished = true;
        try (channel) {
            out.flush();
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        spool.publish(id, part);
        return spool.path(id);
    }

    /** Deletes the partial file; never throws. */
    public void abandon() {
        if (finished) {
            return;
        }
        finished = true;
        try (channel) {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            // The leftover is removed by Spool.discardUnfinished at the next start.
        }
    }

    @Override
    public void close() {
        abandon();
    }
}
