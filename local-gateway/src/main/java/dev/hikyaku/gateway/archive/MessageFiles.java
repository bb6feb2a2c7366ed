package dev.hikyaku.gateway.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The archive's message files under {@code messages/}: originals and sent variants, byte for byte. A file is
 * a hard link to the caller's when the file system allows (no copy for a 50 MB message), else a copy; either
 * way it is put in place by an atomic rename, so a crash never leaves half a file under the final name.
 */
final class MessageFiles {
    private static final int READABLE_PREFIX = 48;

    private final Path directory;

    MessageFiles(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    /** The file name for a message's original: readable, safe on every file system, unique per id. */
    static String originalName(String messageId) {
        return readable(messageId) + "-" + digest(messageId) + ".eml";
    }

    /** The file name for one variant of a message. */
    static String variantName(String messageId, String label) {
        return readable(messageId) + "-" + digest(messageId) + ".variant-" + digest(label) + ".eml";
    }

    /** Puts a copy (or hard link) of {@code source} under {@code name}, replacing what was there. */
    long keep(Path source, String name) throws IOException {
        Path target = resolve(name);
        Path temporary = directory.resolve(".incoming-" + UUID.randomUUID());
        try {
            try {
                Files.createLink(temporary, source);
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                // Another file system, or links not supported: copy instead.
                Files.deleteIfExists(temporary);
                Files.copy(source, temporary);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return Files.size(target);
    }

    /** Writes a kept file to {@code out}, byte for byte. */
    void copyTo(String name, OutputStream out) throws IOException {
        Files.copy(resolve(name), out);
    }

    /** The path of a kept file. */
    Path resolve(String name) {
        return directory.resolve(name);
    }

    private static String readable(String id) {
        StringBuilder safe = new StringBuilder(Math.min(id.length(), READABLE_PREFIX));
        for (int i = 0; i < id.length() && safe.length() < READABLE_PREFIX; i++) {
            char c = id.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
                    || c == '_';
            safe.append(plain ? c : '_');
        }
        return safe.toString();
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
