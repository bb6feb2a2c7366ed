package dev.hikyaku.bench.relay;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * A SHA-256 over a message's MIME parts: every line from the first boundary line to the closing one, each taken
 * with CRLF. The headers are left out, so the file sent and the sink's copy (with Received and the sink's own
 * lines on top, LF line ends) compare equal exactly when every part arrived byte for byte.
 */
final class MimePartsDigest {
    private static final byte[] CRLF = {'\r', '\n'};

    private MimePartsDigest() {
    }

    /** The digest, or empty when {@code file} has no such boundary or no closing boundary. */
    static Optional<byte[]> of(Path file, String boundary) throws IOException {
        String first = "--" + boundary;
        String last = first + "--";
        MessageDigest digest = sha256();
        boolean inParts = false;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = reader.readLine()) != null) {
                inParts = inParts || line.equals(first);
                if (inParts) {
                    digest.update(line.getBytes(StandardCharsets.ISO_8859_1));
                    digest.update(CRLF);
                    if (line.equals(last)) {
                        return Optional.of(digest.digest());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
