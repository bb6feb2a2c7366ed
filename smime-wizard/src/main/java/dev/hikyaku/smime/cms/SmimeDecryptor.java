package dev.hikyaku.smime.cms;

import dev.hikyaku.smime.text.Notice;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimePart;
import java.io.IOException;
import java.io.InputStream;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.KeyTransRecipientInformation;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.RecipientInformationStore;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.mail.smime.SMIMEException;
import org.bouncycastle.mail.smime.SMIMEUtil;

/**
 * Decrypts enveloped-data and authEnveloped-data with any key the user ever had. Keys whose certificate a
 * RecipientInfo names are tried first; then, for certificates renewed on the same key or recipients named in a way
 * the store does not know, every other key of the matching kind.
 */
public final class SmimeDecryptor {
    private final KeyRing keys;

    /** A decryptor trying the keys of the ring. */
    public SmimeDecryptor(KeyRing keys) {
        this.keys = keys;
    }

    /** Whether the part is S/MIME encrypted (enveloped-data or authEnveloped-data). */
    public static boolean isEncrypted(Part part) throws MessagingException {
        ContentType type = new ContentType(part.getContentType());
        if (!type.match("application/pkcs7-mime") && !type.match("application/x-pkcs7-mime")) {
            return false;
        }
        String smimeType = type.getParameter("smime-type");
        // Old clients leave smime-type out; anything but signed-data or compressed-data is then taken as enveloped.
        return smimeType == null || smimeType.toLowerCase(Locale.ROOT).contains("enveloped");
    }

    /**
     * The decrypted entity (which may itself be signed: verify it next).
     *
     * @throws SmimeException when no key fits or the content is damaged
     */
    public MimeBodyPart decrypt(MimePart encrypted) throws SmimeException {
        RecipientInformationStore store;
        boolean authenticated;
        try {
            String smimeType = new ContentType(encrypted.getContentType()).getParameter("smime-type");
            authenticated = smimeType != null && smimeType.equalsIgnoreCase("authEnveloped-data");
            try (InputStream in = encrypted.getInputStream()) {
                store = authenticated ? new CMSAuthEnvelopedData(in).getRecipientInfos()
                        : new CMSEnvelopedData(in).getRecipientInfos();
            }
        } catch (MessagingException | IOException | CMSException | IllegalArgumentException e) {
            throw new SmimeException(Notice.of("decrypt.unreadable"), e);
        }
        List<Credential> credentials = keys.decryptionKeys();
        Collection<RecipientInformation> infos = store.getRecipients();
        Exception last = null;
        for (boolean named : new boolean[] {true, false}) {
            for (RecipientInformation info : infos) {
                for (Credential credential : credentials) {
                    if (names(info, credential) != named || !fits(info, credential.privateKey())) {
                        continue;
                    }
                    try {
                        byte[] plain = info.getContent(recipient(info, credential.privateKey(), authenticated));
                        return SMIMEUtil.toMimeBodyPart(plain);
                    } catch (CMSException | SMIMEException | RuntimeException e) {
                        last = e;
                    }
                }
            }
        }
        if (last != null && credentials.stream().anyMatch(credential -> infos.stream().anyMatch(info -> names(info, credential)))) {
            throw new SmimeException(Notice.of("decrypt.damaged"), last);
        }
        throw new SmimeException(Notice.of("decrypt.noKey", infos.size()), last);
    }

    // Bouncy Castle's RecipientId is a raw Selector; matching it against a certificate holder is what it is for.
    @SuppressWarnings("unchecked")
    private static boolean names(RecipientInformation info, Credential credential) {
        try {
            return info.getRID().match(new JcaX509CertificateHolder(credential.certificate()));
        } catch (CertificateEncodingException e) {
            return false;
        }
    }

    private static boolean fits(RecipientInformation info, PrivateKey key) {
        if (info instanceof KeyTransRecipientInformation) {
            return "RSA".equals(key.getAlgorithm());
        }
        if (info instanceof KeyAgreeRecipientInformation) {
            return "EC".equals(key.getAlgorithm());
        }
        return false;
    }

    private static Recipient recipient(RecipientInformation info, PrivateKey key, boolean authenticated) {
        if (info instanceof KeyAgreeRecipientInformation) {
            return authenticated
                    ? new JceKeyAgreeAuthEnvelopedRecipient(key).setProvider(CryptoProviders.BOUNCY_CASTLE)
                    : new JceKeyAgreeEnvelopedRecipient(key).setProvider(CryptoProviders.BOUNCY_CASTLE)
                            .setContentProvider(CryptoProviders.JDK_CIPHERS);
        }
        return authenticated
                ? new JceKeyTransAuthEnvelopedRecipient(key).setProvider(CryptoProviders.BOUNCY_CASTLE)
                : new JceKeyTransEnvelopedRecipient(key).setProvider(CryptoProviders.BOUNCY_CASTLE)
                        .setContentProvider(CryptoProviders.JDK_CIPHERS);
    }

}
