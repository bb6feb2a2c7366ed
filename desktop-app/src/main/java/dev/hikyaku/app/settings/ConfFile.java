package dev.hikyaku.app.settings;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** gateway.conf on disk: read as lines, and replaced whole (a temporary file moved over it) so it is never half written. */
public final class ConfFile {
    /** The largest file read back; the gateway refuses larger ones too. */
    private static final long MAX_BYTES = 256 * 1024;

    private final Path file;

    /** The configuration file {@code file}. */
    public ConfFile(Path file) {
        this.file = file;
    }

    /** Where the file is. */
    public Path path() {
        return file;
    }

    /** Whether there is a file yet. */
    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** The file's lines; none when there is no file. */
    public List<String> lines() throws IOException {
        if (!exists()) {
            return List.of();
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(file + " is larger than " + MAX_BYTES + " bytes");
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    /**
     * Replaces the file with {@code lines} (UTF-8): written and synced to a temporary file beside it, then moved
     * over it in one step. On any failure the old file is left as it was and the temporary file removed.
     */
    public void write(List<String> lines) throws IOException {
        ByteBuffer bytes = encode(String.join(System.lineSeparator(), lines) + System.lineSeparator());
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = parent.resolve(file.getFileName() + ".new");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** Strict UTF-8: a lone surrogate is refused rather than written as '?'. */
    private static ByteBuffer encode(String text) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
    }
}
