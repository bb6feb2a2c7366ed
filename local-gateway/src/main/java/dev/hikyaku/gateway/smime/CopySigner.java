package dev.hikyaku.gateway.smime;

import dev.hikyaku.smime.cms.Credential;
import dev.hikyaku.smime.cms.MessageBody;
import dev.hikyaku.smime.cms.SigningOptions;
import dev.hikyaku.smime.cms.SmimeException;
import dev.hikyaku.smime.cms.SmimeSigner;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * Signs a copy with the user's identity: detached multipart/signed, SHA-256, chain included (the engine's defaults,
 * readable by clients without S/MIME); the visible headers stay as submitted, the body streams from the file.
 */
public final class CopySigner {
    private final SmimeSigner signer;

    /** Signing with {@code signer}. */
    public CopySigner(SmimeSigner signer) {
        this.signer = signer;
    }

    /**
     * Writes {@code message} signed by {@code identity} into {@code output}.
     *
     * @throws EncryptionRefusedException when the engine cannot sign (nothing is sent unsigned instead)
     */
    public void sign(Path message, Credential identity, Path output) throws IOException, EncryptionRefusedException {
        Session session = Session.getInstance(new Properties());
        try (SharedFileInputStream in = new SharedFileInputStream(message.toFile())) {
            MimeMessage original = new MimeMessage(session, in);
            MimeBodyPart signed = signer.sign(MessageBody.of(original), identity, SigningOptions.defaults());
            try (OutputStream out = Files.newOutputStream(output)) {
                MessageBody.wrap(original, signed, session).writeTo(out);
            }
        } catch (SmimeException e) {
            throw new EncryptionRefusedException(e.notice().text(Locale.JAPANESE) + " / " + e.notice().text(Locale.ENGLISH));
        } catch (MessagingException e) {
            throw new EncryptionRefusedException("the message cannot be read for signing: " + e.getMessage());
        }
    }
}
