package dev.hikyaku.app.clients.thunderbird;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether Thunderbird has a profile open. A running Thunderbird rewrites prefs.js when it quits, undoing any change
 * made meanwhile, so the set-up refuses to touch an open profile. Thunderbird marks it as Mozilla does: on Linux
 * and macOS a {@code lock} symlink plus an fcntl lock on {@code .parentlock}; on Windows {@code parent.lock}, held
 * open without sharing.
 */
final class ProfileLock {
    private static final String SYMLINK = "lock";
    private static final String[] LOCK_FILES = {".parentlock", "parent.lock"};

    private ProfileLock() {
    }

    /** Throws when Thunderbird (or a crashed one's leftover lock) holds {@code profile}. */
    static void ensureClosed(Path profile) throws ThunderbirdSetupException {
        // The symlink is removed when Thunderbird quits normally; after a crash it stays until the next start.
        if (Files.exists(profile.resolve(SYMLINK), LinkOption.NOFOLLOW_LINKS)) {
            throw new ThunderbirdSetupException(ThunderbirdText.THUNDERBIRD_RUNNING, profile.toString());
        }
        for (String name : LOCK_FILES) {
            if (held(profile.resolve(name))) {
                throw new ThunderbirdSetupException(ThunderbirdText.THUNDERBIRD_RUNNING, profile.toString());
            }
        }
    }

    /** Whether another process holds {@code file} locked (or open without sharing, on Windows). */
    private static boolean held(Path file) {
        // WRITE without CREATE: a missing file is simply not held, and nothing is written to an existing one.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (NoSuchFileException e) {
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            // Windows refuses to open a file another process holds without sharing.
            return Files.exists(file);
        }
    }
}
