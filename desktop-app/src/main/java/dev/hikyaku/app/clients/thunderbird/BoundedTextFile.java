package dev.hikyaku.app.clients.thunderbird;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a small UTF-8 text file whole, refusing one larger than a limit and dropping a byte-order mark. */
final class BoundedTextFile {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final long maxBytes;

    /** A reader refusing files over {@code maxBytes}. */
    BoundedTextFile(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The file's text; mis-encoded bytes become U+FFFD rather than failing the whole file. */
    String read(Path file) throws ThunderbirdSetupException {
        byte[] bytes;
        // Read one byte past the limit instead of trusting the size, which can change between stat and read.
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(Math.toIntExact(Math.min(maxBytes + 1, Integer.MAX_VALUE - 8)));
        } catch (NoSuchFileException e) {
            throw new ThunderbirdSetupException(e, ThunderbirdText.FILE_MISSING, file.toString());
        } catch (IOException e) {
            throw new ThunderbirdSetupException(e, ThunderbirdText.FILE_UNREADABLE, file.toString(), e.toString());
        }
        if (bytes.length > maxBytes) {
            throw new ThunderbirdSetupException(ThunderbirdText.FILE_TOO_LARGE, file.toString(),
                    Long.toString(maxBytes / 1024));
        }
        String text = decode(bytes);
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not throw", e);
        }
    }
}
