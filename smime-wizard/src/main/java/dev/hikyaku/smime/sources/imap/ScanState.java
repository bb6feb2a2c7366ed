package dev.hikyaku.smime.sources.imap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;

/**
 * How far each folder of each account has been scanned: its UIDVALIDITY and the highest UID read, kept in a small
 * properties file so that the next scan reads only new mail. A folder whose UIDVALIDITY changed (recreated, or the
 * server renumbered it) is read again from the start. Holds no password and no mail.
 */
public final class ScanState {
    private final Path file;
    private final Properties marks = new Properties();

    private ScanState(Path file) {
        this.file = file;
    }

    /** The state kept in the file (an absent or unreadable file is a fresh start: scanning again only costs time). */
    public static ScanState open(Path file) {
        ScanState state = new ScanState(file);
        try (InputStream in = Files.newInputStream(file)) {
            state.marks.load(in);
        } catch (NoSuchFileException e) {
            // First scan.
        } catch (IOException | IllegalArgumentException e) {
            state.marks.clear();
        }
        return state;
    }

    /** Where the folder's last scan stopped, if it was scanned before. */
    public synchronized Optional<Mark> mark(String account, String folder) {
        String value = marks.getProperty(account + "/" + folder);
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split(":", 2);
        try {
            return Optional.of(new Mark(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** Records where the folder's scan stopped and saves the file (through a temporary file and a rename). */
    public synchronized void remember(String account, String folder, Mark mark) throws IOException {
        marks.setProperty(account + "/" + folder, mark.uidValidity() + ":" + mark.lastUid());
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                marks.store(out, "Hikyaku IMAP certificate harvest: UIDVALIDITY:last UID per folder");
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Where a folder's scan stopped.
     *
     * @param uidValidity the folder's UIDVALIDITY then
     * @param lastUid     the highest UID read
     */
    public record Mark(long uidValidity, long lastUid) {
    }
}
