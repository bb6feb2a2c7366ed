package dev.hikyaku.smime.sources;

import dev.hikyaku.smime.cms.Credential;
import dev.hikyaku.smime.cms.SignatureFormat;
import dev.hikyaku.smime.cms.SigningOptions;
import dev.hikyaku.smime.cms.SmimeSigner;
import dev.hikyaku.testworld.ca.Issued;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Properties;

/** Signed, unsigned and broken messages as a receiving mailbox holds them, made with the module's own signer. */
public final class SignedMessages {
    public static final Session SESSION = Session.getInstance(new Properties());

    private final SmimeSigner signer;

    public SignedMessages(Clock clock) {
        this.signer = new SmimeSigner(clock);
    }

    /** A message from the address, signed by the issued key (detached or opaque). */
    public MimeMessage signed(Issued by, String from, String subject, SignatureFormat format) throws Exception {
        MimeBodyPart body = new MimeBodyPart();
        body.setText("見積書をお送りします。 " + subject, "UTF-8");
        body.setHeader("Content-Transfer-Encoding", "quoted-printable");
        MimeBodyPart signed = signer.sign(body, new Credential(by.key(), by.chain()),
                SigningOptions.defaults().withFormat(format));
        MimeMessage message = envelope(from, subject);
        message.setContent(signed.getContent(), signed.getContentType());
        if (signed.getHeader("Content-Transfer-Encoding", null) != null) {
            message.setHeader("Content-Transfer-Encoding", signed.getHeader("Content-Transfer-Encoding", null));
        }
        message.saveChanges();
        return reread(message);
    }

    /** A plain text message. */
    public MimeMessage plain(String from, String subject) throws Exception {
        MimeMessage message = envelope(from, subject);
        message.setText("no signature here", "UTF-8");
        message.saveChanges();
        return reread(message);
    }

    /** A message that claims to be signed but whose signature part is garbage. */
    public MimeMessage brokenSignature(String from, String subject) throws Exception {
        String text = "From: " + from + "\r\nTo: bob@example.test\r\nSubject: " + subject + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256;"
                + " boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b\r\n"
                + "Content-Type: application/pkcs7-signature; name=smime.p7s\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "MIIBogYJKoZIhvcNAQcCoIIBkzCCAY8CAQE=\r\n--b--\r\n";
        return new MimeMessage(SESSION, new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The message's bytes, as an .eml file holds them. */
    public static byte[] bytes(MimeMessage message) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static MimeMessage envelope(String from, String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(SESSION);
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, "bob@example.test");
        message.setSubject(subject, "UTF-8");
        return message;
    }

    // Read back from bytes, as a mailbox would hand the message over: the signed bytes are then fixed.
    private static MimeMessage reread(MimeMessage message) throws IOException, MessagingException {
        return new MimeMessage(SESSION, new ByteArrayInputStream(bytes(message)));
    }
}
