package dev.hikyaku.gateway.delivery;

import jakarta.mail.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A message that is its file: Angus asks it to write itself into DATA, and it copies the file's bytes as they
 * are, a buffer at a time. Nothing is parsed, so nothing is re-encoded, re-folded or dropped (Angus would
 * otherwise leave out Bcc and Content-Length headers), and a large message never sits in memory.
 */
final class FileMessage extends SMTPMessage {

    private static final int BUFFER = 64 * 1024;

    private final Path file;

    /**
     * @param envelopeFrom  the MAIL FROM path, {@code <>} for the null sender
     * @param mailExtension the MAIL FROM parameters to add, e.g. {@code SIZE=1234 BODY=8BITMIME}, or empty
     */
    FileMessage(Session session, Path file, String envelopeFrom, String mailExtension) {
        super(session);
        this.file = file;
        setEnvelopeFrom(envelopeFrom);
        setMailExtension(mailExtension);
        // Per message, so the recipients the upstream accepts get the message even when others are refused.
        setSendPartial(true);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        writeTo(out, null);
    }

    /** Copies the file; a NUL byte aborts before any of its buffer is written, so the upstream gets no final dot. */
    @Override
    public void writeTo(OutputStream out, String[] ignoredHeaders) throws IOException {
        try (InputStream in = open()) {
            byte[] buffer = new byte[BUFFER];
            long offset = 0;
            int read;
            while ((read = readFile(in, buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == 0) {
                        throw new NulByteException(offset + i);
                    }
                }
                out.write(buffer, 0, read);
                offset += read;
            }
        }
    }

    private InputStream open() throws MessageFileException {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new MessageFileException(file, e);
        }
    }

    private int readFile(InputStream in, byte[] buffer) throws MessageFileException {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw new MessageFileException(file, e);
        }
    }
}
