package dev.hikyaku.gateway.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Accepted messages on disk, one file each. A message is written under {@code incoming/}, synced, then renamed
 * into place and the folder synced, so a file under its final name is always complete.
 */
public final class Spool {
    private static final String SUFFIX = ".eml";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final Path directory;
    private final Path incoming;

    private Spool(Path directory) {
        this.directory = directory;
        this.incoming = directory.resolve("incoming");
    }

    /** Opens (creating if needed) the spool in {@code directory}. */
    public static Spool open(Path directory) throws IOException {
        Spool spool = new Spool(directory);
        Files.createDirectories(spool.incoming);
        return spool;
    }

    /** Starts writing the message {@code id}; nothing is visible under its final name until committed. */
    public SpoolWriter create(String id) throws IOException {
        checkId(id);
        return new SpoolWriter(this, id, incoming.resolve(id + ".part"));
    }

    /** The file of a committed message. */
    public Path path(String id) {
        checkId(id);
        return directory.resolve(id + SUFFIX);
    }

    /** The folder for the copies made of message {@code id} (one per recipient group), created on demand. */
    public Path copies(String id) throws IOException {
        checkId(id);
        return Files.createDirectories(directory.resolve("copies").resolve(id));
    }

    /**
     * Removes a committed message's file and its copies; a missing file is fine (a restart may remove twice).
     */
    public void delete(String id) throws IOException {
        checkId(id);
        Path copies = directory.resolve("copies").resolve(id);
        if (Files.isDirectory(copies)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(copies)) {
                for (Path file : files) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(copies);
        }
        Files.deleteIfExists(path(id));
    }

    /** The ids of every committed message file. */
    public Set<String> committedIds() throws IOException {
        Set<String> ids = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                ids.add(name.substring(0, name.length() - SUFFIX.length()));
            }
        }
        return ids;
    }

    /** Removes half-written files left by a crash: their clients never got a 250, so they still hold them. */
    public int discardUnfinished() throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(incoming)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
                removed++;
            }
        }
        return removed;
    }

    void publish(String id, Path part) throws IOException {
        Path target = path(id);
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(directory);
    }

    private static void syncDirectory(Path folder) throws IOException {
        // A rename is durable only once its folder is synced; Windows cannot open a folder and needs no sync.
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            return;
        }
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void checkId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a spool id: " + id);
        }
    }
}
