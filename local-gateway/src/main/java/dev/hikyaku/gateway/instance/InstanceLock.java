package dev.hikyaku.gateway.instance;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The one-gateway-per-user lock on the data folder, so that a second start finds the first instead of
 * fighting over its queue. The operating system drops the lock when the process dies, so no stale lock
 * survives a crash.
 */
public final class InstanceLock implements AutoCloseable {
    private static final String LOCK_FILE = "gateway.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock in {@code dataDirectory} (created if missing), or returns empty when another gateway
     * of this user holds it.
     */
    public static Optional<InstanceLock> tryAcquire(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        FileChannel channel = FileChannel.open(dataDirectory.resolve(LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new InstanceLock(channel, lock));
        } catch (OverlappingFileLockException e) {
            // The same JVM already holds it: still "another instance" from this caller's view.
            channel.close();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            lock.release();
        }
    }
}
