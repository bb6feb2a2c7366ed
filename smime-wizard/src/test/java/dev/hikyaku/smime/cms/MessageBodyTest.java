package dev.hikyaku.smime.cms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.SharedFileInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole message from a spool file, signed and encrypted, keeps its headers and opens in OpenSSL. */
class MessageBodyTest {

    @TempDir
    Path directory;

    @Test
    void signedAndEncryptedMessageKeepsItsHeadersAndOpensInOpenSsl() throws Exception {
        Clock clock = Clock.systemUTC();
        FixtureCa ca = FixtureCa.create(clock);
        Issued alice = ca.smime("alice@example.test");
        Path spool = Mail.write(Mail.content(), "alice@example.test", directory.resolve("spool.eml"));

        try (SharedFileInputStream in = new SharedFileInputStream(spool.toFile())) {
            MimeMessage original = new MimeMessage(Mail.SESSION, in);
            MimeBodyPart body = MessageBody.of(original);
            MimeBodyPart signed = new SmimeSigner(clock).sign(body, SignatureInteropTest.credential(alice),
                    SigningOptions.defaults());
            Encrypted encrypted = new SmimeEncryptor(clock, new SecureRandom()).encrypt(signed,
                    new Recipient("alice@example.test",
                            List.of(new EncryptionCertificate(alice.certificate(), Capabilities.NONE))), List.of());
            MimeMessage sent = MessageBody.wrap(original, encrypted.part(), Mail.SESSION);
            try (OutputStream out = Files.newOutputStream(directory.resolve("sent.eml"))) {
                sent.writeTo(out);
            }

            MimeMessage read = Mail.read(directory.resolve("sent.eml"));
            assertEquals(original.getMessageID(), read.getMessageID());
            assertEquals("quote", read.getSubject());
            assertTrue(read.getContentType().startsWith("application/pkcs7-mime"), read.getContentType());

            Mail.writePem(alice, directory, "alice");
            Files.writeString(directory.resolve("root.pem"), ca.rootPem());
            OpenSsl openSsl = new OpenSsl(directory);
            openSsl.ok("cms", "-decrypt", "-in", "sent.eml", "-recip", "alice.crt", "-inkey", "alice.key", "-out", "signed.eml");
            openSsl.ok("cms", "-verify", "-in", "signed.eml", "-CAfile", "root.pem", "-out", "content.eml");
            MimeMultipart opened = (MimeMultipart) Mail.read(directory.resolve("content.eml")).getContent();
            byte[] attachment = opened.getBodyPart(1).getInputStream().readAllBytes();
            assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xff, 13, 10, 'x'}, attachment);
            assertTrue(Files.readString(directory.resolve("content.eml"), StandardCharsets.US_ASCII).contains("Please find"));
        }
    }
}
