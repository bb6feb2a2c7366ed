package dev.hikyaku.gateway.smime;

import dev.hikyaku.smime.cms.Encrypted;
import dev.hikyaku.smime.cms.MessageBody;
import dev.hikyaku.smime.cms.Recipient;
import dev.hikyaku.smime.cms.SmimeEncryptor;
import dev.hikyaku.smime.cms.SmimeException;
import dev.hikyaku.smime.contacts.ContactCertificates;
import dev.hikyaku.smime.contacts.ContactStoreException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * S/MIME-encrypts a recipient group's copy to every valid certificate each recipient has (the contacts' store
 * chooses them), keeping the visible headers; the body streams from the spool file.
 */
public final class GroupEncryption {
    private final ContactCertificates contacts;
    private final SmimeEncryptor encryptor;

    /** Encryption to certificates from {@code contacts}. */
    public GroupEncryption(ContactCertificates contacts, SmimeEncryptor encryptor) {
        this.contacts = contacts;
        this.encryptor = encryptor;
    }

    /** Whether {@code address} has at least one certificate that may be encrypted to now. */
    public boolean ready(String address) {
        try {
            return !contacts.forEncryption(address).isEmpty();
        } catch (ContactStoreException e) {
            return false;
        }
    }

    /**
     * Writes the encrypted copy of {@code message} for {@code recipients} into {@code output}.
     *
     * @throws EncryptionRefusedException when a recipient has no usable certificate any more (it expired since the
     *                                    plan was made) or encryption fails; nothing is sent unencrypted instead
     */
    public void write(Path message, String sender, List<String> recipients, Path output)
            throws IOException, EncryptionRefusedException {
        List<Recipient> targets = new ArrayList<>();
        try {
            for (String recipient : recipients) {
                targets.add(contacts.recipient(recipient));
            }
        } catch (ContactStoreException e) {
            throw new EncryptionRefusedException(e.notice().text(Locale.JAPANESE) + " / " + e.notice().text(Locale.ENGLISH));
        }
        Session session = Session.getInstance(new Properties());
        try (SharedFileInputStream in = new SharedFileInputStream(message.toFile())) {
            MimeMessage original = new MimeMessage(session, in);
            // The sender's own certificate is not needed here: the mail client filed the readable original under Sent.
            Encrypted encrypted = encryptor.encrypt(MessageBody.of(original), new Recipient(sender, List.of()), targets);
            List<String> missing = encrypted.withoutCertificate().stream().filter(recipients::contains).toList();
            if (!missing.isEmpty()) {
                throw new EncryptionRefusedException("no valid S/MIME certificate for " + String.join(", ", missing));
            }
            try (OutputStream out = Files.newOutputStream(output)) {
                MessageBody.wrap(original, encrypted.part(), session).writeTo(out);
            }
        } catch (SmimeException e) {
            throw new EncryptionRefusedException(e.notice().text(Locale.JAPANESE) + " / " + e.notice().text(Locale.ENGLISH));
        } catch (MessagingException e) {
            throw new EncryptionRefusedException("the message cannot be read for encryption: " + e.getMessage());
        }
    }
}
