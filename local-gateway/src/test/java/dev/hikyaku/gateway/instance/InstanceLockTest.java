package dev.hikyaku.gateway.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceLockTest {

    @Test
    void secondAcquireInTheSameProcessIsRefusedUntilTheFirstCloses(@TempDir Path data) throws IOException {
        try (InstanceLock first = InstanceLock.tryAcquire(data.resolve("nested")).orElseThrow()) {
            assertTrue(InstanceLock.tryAcquire(data.resolve("nested")).isEmpty());
        }
        try (InstanceLock again = InstanceLock.tryAcquire(data.resolve("nested")).orElseThrow()) {
            assertTrue(again != null);
        }
    }

    @Test
    void anotherProcessHoldingTheLockIsSeen(@TempDir Path data) throws Exception {
        // A real second process, as when the user starts Hikyaku twice.
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        try {
            assertEquals('L', holder.getInputStream().read(), "holder should report it has the lock");
            Optional<InstanceLock> second = InstanceLock.tryAcquire(data);
            assertTrue(second.isEmpty());
        } finally {
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        try (InstanceLock afterExit = InstanceLock.tryAcquire(data).orElseThrow()) {
            assertTrue(afterExit != null, "the lock dies with the process, so no stale lock remains");
        }
    }

    /** Holds the lock in a child JVM until killed. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            try (InstanceLock lock = InstanceLock.tryAcquire(Path.of(args[0])).orElseThrow()) {
                System.out.print('L');
                System.out.flush();
                Thread.sleep(60_000);
            }
        }
    }
}
