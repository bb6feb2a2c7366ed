package dev.hikyaku.smime.cms;

import jakarta.mail.internet.MimeBodyPart;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * An encrypted entity and who can read it.
 *
 * @param part               the application/pkcs7-mime body part; its content is encrypted while it is written,
 *                           so write it once
 * @param cipher             the content encryption used
 * @param encryptedTo        every certificate that got a RecipientInfo, sender's included
 * @param withoutCertificate the mailboxes that had no usable certificate and cannot read the part
 */
public record Encrypted(MimeBodyPart part, ContentCipher cipher, List<X509Certificate> encryptedTo,
                        List<String> withoutCertificate) {

    /** Copies the lists. */
    public Encrypted {
        encryptedTo = List.copyOf(encryptedTo);
        withoutCertificate = List.copyOf(withoutCertificate);
    }
}
