package dev.hikyaku.smime.revocation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CRLs as fetched, kept in memory and (when given a folder) on disk until their nextUpdate, so that a CRL of megabytes
 * is downloaded once a day rather than once per message. The cache only stores bytes: whoever reads them checks the
 * signature and freshness again, so a file changed on disk is not believed.
 */
final class CrlCache {
    private static final int MAX_ENTRIES = 64;

    private final Optional<Path> folder;
    private final int maxBytes;
    private final Map<URI, Entry> memory = new ConcurrentHashMap<>();

    CrlCache(Optional<Path> folder, int maxBytes) {
        this.folder = folder;
        this.maxBytes = maxBytes;
    }

    /** The CRL last stored for the URL, from memory or disk, unless it is known to be past its nextUpdate. */
    Optional<byte[]> get(URI uri, Instant now) {
        Entry entry = memory.get(uri);
        if (entry != null) {
            return now.isAfter(entry.nextUpdate()) ? Optional.empty() : Optional.of(entry.der());
        }
        return folder.flatMap(directory -> read(directory.resolve(fileName(uri))));
    }

    /** Keeps the CRL (already checked) until its nextUpdate. */
    void put(URI uri, byte[] der, Instant nextUpdate) {
        if (memory.size() >= MAX_ENTRIES) {
            memory.clear();
        }
        memory.put(uri, new Entry(der.clone(), nextUpdate));
        folder.ifPresent(directory -> write(directory, fileName(uri), der));
    }

    private Optional<byte[]> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] der = in.readNBytes(maxBytes + 1);
            return der.length > maxBytes ? Optional.empty() : Optional.of(der);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    // A cache that cannot be written only costs a download next time; it never fails a check.
    private static void write(Path directory, String name, byte[] der) {
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, name, ".part");
            try {
                Files.write(temporary, der);
                try {
                    Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            // Nothing to do: the CRL stays in memory.
        }
    }

    private static String fileName(URI uri) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(uri.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest) + ".crl";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private record Entry(byte[] der, Instant nextUpdate) {
    }
}
