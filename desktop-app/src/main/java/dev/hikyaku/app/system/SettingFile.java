package dev.hikyaku.app.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** A small settings file of the OS, read whole and replaced whole. */
final class SettingFile {
    private static final int MAX_BYTES = 64 * 1024;

    private SettingFile() {
    }

    /** The file's UTF-8 text, or empty when it is not there. */
    static Optional<String> read(Path file) throws LoginStartException {
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new LoginStartException(e, SystemText.READ_FAILED, file.toString(), e.toString());
        }
    }

    /** Writes {@code text} as UTF-8, replacing the file at once. */
    static void write(Path file, String text) throws LoginStartException {
        write(file, text, StandardCharsets.UTF_8);
    }

    /** Writes {@code text} in {@code charset}, replacing the file at once. */
    static void write(Path file, String text, Charset charset) throws LoginStartException {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".hikyaku-", ".tmp");
            try {
                Files.writeString(temporary, text, charset);
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new LoginStartException(e, SystemText.WRITE_FAILED, file.toString(), e.toString());
        }
    }

    /** Deletes the file if it is there. */
    static void delete(Path file) throws LoginStartException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new LoginStartException(e, SystemText.WRITE_FAILED, file.toString(), e.toString());
        }
    }
}
