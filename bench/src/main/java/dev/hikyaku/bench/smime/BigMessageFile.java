package dev.hikyaku.bench.smime;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.activation.DataHandler;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Writes the bench's input: an office mail with a text part and a binary attachment, about 25 MiB on the wire. */
final class BigMessageFile {
    // base64 with CRLF every 76 characters grows the attachment by 78/57; this many bytes give ~25 MiB in all.
    static final int ATTACHMENT_BYTES = (int) (25L * 1024 * 1024 * 57 / 78);

    private BigMessageFile() {
    }

    static Path write(Path file, Session session) throws IOException, MessagingException {
        byte[] attachment = new byte[ATTACHMENT_BYTES];
        new Random(20261123L).nextBytes(attachment);
        MimeBodyPart text = new MimeBodyPart();
        text.setText("見積書と図面をお送りします。\r\nPlease find the drawings attached.\r\n", "UTF-8");
        text.setHeader("Content-Transfer-Encoding", "quoted-printable");
        MimeBodyPart drawing = new MimeBodyPart();
        drawing.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment, "application/octet-stream")));
        drawing.setFileName("drawings.bin");
        drawing.setHeader("Content-Transfer-Encoding", "base64");
        MimeMessage message = new MimeMessage(session);
        message.setFrom("alice@example.test");
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "bob@example.test");
        message.setSubject("drawings");
        message.setContent(new MimeMultipart("mixed", text, drawing));
        message.saveChanges();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            message.writeTo(out);
        }
        return file;
    }
}
