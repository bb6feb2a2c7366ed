package dev.hikyaku.app.clients.thunderbird;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Reads and writes the profile's files whole: bounded, strictly UTF-8 where text is edited, replaced atomically. */
final class ProfileFiles {
    /** Far above any real prefs.js or cert_override.txt. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private ProfileFiles() {
    }

    /** The bytes of {@code file}, or empty when it does not exist. */
    static Optional<byte[]> bytes(Path file) throws ThunderbirdSetupException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ThunderbirdSetupException(ThunderbirdText.FILE_TOO_LARGE, file.toString(),
                        Integer.toString(MAX_BYTES / 1024));
            }
            return Optional.of(bytes);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ThunderbirdSetupException(e, ThunderbirdText.FILE_UNREADABLE, file.toString(), e.toString());
        }
    }

    /** {@code bytes} as UTF-8 text; a file holding other bytes is not edited, as rewriting would garble them. */
    static String text(Path file, byte[] bytes) throws ThunderbirdSetupException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ThunderbirdSetupException(e, ThunderbirdText.FILE_NOT_UTF8, file.toString());
        }
    }

    /** Replaces {@code file} with {@code bytes} at once: a crash leaves the old file or the new one, never half. */
    static void write(Path file, byte[] bytes) throws ThunderbirdSetupException {
        Path temporary = null;
        try {
            temporary = Files.createTempFile(file.getParent(), "hikyaku-", ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ThunderbirdSetupException(e, ThunderbirdText.FILE_UNWRITABLE, file.toString(), e.toString());
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // Only a leftover temporary file; the real file is already whole.
                }
            }
        }
    }

    /** Deletes {@code file} if it is there. */
    static void delete(Path file) throws ThunderbirdSetupException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new ThunderbirdSetupException(e, ThunderbirdText.FILE_UNWRITABLE, file.toString(), e.toString());
        }
    }

    /** The SHA-256 of {@code bytes} in hex, to recognise a file the set-up wrote. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
