package dev.hikyaku.smime.cms;

import dev.hikyaku.testworld.ca.Issued;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Messages for the engine tests: a small multipart body, and writing and reading whole messages as files. */
final class Mail {
    static final Session SESSION = Session.getInstance(new Properties());

    private Mail() {
    }

    /** A text part and a small binary attachment: what an office mail looks like. */
    static MimeBodyPart content() throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText("見積書をお送りします。\r\nPlease find the quote attached.\r\n", "UTF-8");
        text.setHeader("Content-Transfer-Encoding", "quoted-printable");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setContent(new byte[] {0, 1, 2, (byte) 0xff, 13, 10, 'x'}, "application/octet-stream");
        attachment.setFileName("quote.bin");
        attachment.setHeader("Content-Transfer-Encoding", "base64");
        MimeMultipart mixed = new MimeMultipart("mixed", text, attachment);
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(mixed);
        return part;
    }

    /** A plain text entity. */
    static MimeBodyPart text(String body) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(body, "UTF-8");
        part.setHeader("Content-Transfer-Encoding", "quoted-printable");
        return part;
    }

    /** The part as the body of a message from the address, written to the file. */
    static Path write(MimeBodyPart body, String from, Path file) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(SESSION);
        message.setFrom(from);
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "bob@example.test");
        message.setSubject("quote");
        message.setContent(body.getContent(), body.getContentType());
        for (String header : new String[] {"Content-Transfer-Encoding", "Content-Disposition", "Content-Description"}) {
            String value = body.getHeader(header, null);
            if (value != null) {
                message.setHeader(header, value);
            }
        }
        message.saveChanges();
        try (OutputStream out = Files.newOutputStream(file)) {
            message.writeTo(out);
        }
        return file;
    }

    /** A message read back from a file, as a receiving client would see it. */
    static MimeMessage read(Path file) throws IOException, MessagingException {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(SESSION, in);
        }
    }

    /** The entity's bytes, headers and all. */
    static byte[] bytes(jakarta.mail.Part part) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part.writeTo(out);
        return out.toByteArray();
    }

    /** Writes the leaf as {@code stem.crt}, the rest of the chain as {@code stem-ca.crt} and the key as {@code stem.key}. */
    static void writePem(Issued issued, Path directory, String stem) throws IOException {
        String chain = issued.chainPem();
        int leafEnd = chain.indexOf("-----END CERTIFICATE-----") + "-----END CERTIFICATE-----\n".length();
        Files.writeString(directory.resolve(stem + ".crt"), chain.substring(0, leafEnd), StandardCharsets.US_ASCII);
        Files.writeString(directory.resolve(stem + "-ca.crt"), chain.substring(leafEnd), StandardCharsets.US_ASCII);
        Files.writeString(directory.resolve(stem + ".key"), issued.keyPem(), StandardCharsets.US_ASCII);
    }
}
