package dev.hikyaku.gateway.packaging;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** A packaged copy as a recipient's mail program sees it, read back with Jakarta Mail. */
final class PackagedCopy {
    final byte[] bytes;
    final MimeMessage message;

    PackagedCopy(Path file) throws IOException, MessagingException {
        this.bytes = Files.readAllBytes(file);
        this.message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }

    /** The header block as written, up to the blank line, split into its lines (folded lines kept apart). */
    static List<String> headerLines(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        return Arrays.asList(text.substring(0, text.indexOf("\r\n\r\n")).split("\r\n"));
    }

    /** The top multipart's parts. */
    List<BodyPart> parts() throws IOException, MessagingException {
        MimeMultipart multipart = (MimeMultipart) message.getContent();
        List<BodyPart> parts = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            parts.add(multipart.getBodyPart(i));
        }
        return parts;
    }

    /** The note: the first part's text. */
    String note() throws IOException, MessagingException {
        return (String) parts().get(0).getContent();
    }

    /** Saves the attached zip (the last part) into {@code file}. */
    Path zip(Path file) throws IOException, MessagingException {
        BodyPart last = parts().get(parts().size() - 1);
        try (InputStream in = last.getInputStream()) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    /** Whether the copy's raw bytes contain {@code wanted}. */
    boolean contains(byte[] wanted) {
        outer:
        for (int i = 0; i + wanted.length <= bytes.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Whether the copy contains {@code text} as ASCII once its line breaks are taken out (base64 is wrapped). */
    boolean containsUnwrapped(String text) {
        String unwrapped = new String(bytes, StandardCharsets.ISO_8859_1).replace("\r\n", "");
        return unwrapped.contains(text);
    }

    /** Whether the copy's raw bytes contain {@code text} as ASCII. */
    boolean contains(String text) {
        return contains(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
