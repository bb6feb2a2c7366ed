package dev.hikyaku.smime.cms;

import dev.hikyaku.smime.certificate.MailCertificate;
import dev.hikyaku.smime.text.Notice;
import jakarta.mail.internet.MimeBodyPart;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.mail.smime.SMIMEAuthEnvelopedGenerator;
import org.bouncycastle.mail.smime.SMIMEEnvelopedGenerator;
import org.bouncycastle.mail.smime.SMIMEException;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.OutputEncryptor;

/**
 * Encrypts one MIME entity to many mailboxes at once (RFC 8551): one RecipientInfo for every usable certificate of
 * every recipient, the sender's own included so that sent mail stays readable.
 *
 * <p>Rules: AES-256-CBC EnvelopedData unless every certificate encrypted to came with capabilities listing
 * AES-256-GCM, then AuthEnvelopedData (RFC 5083). RSA keys get PKCS#1 v1.5 key transport unless their capabilities
 * list RSAES-OAEP, then OAEP with the advertised parameters; EC keys get ECDH (dhSinglePass-stdDH-sha256kdf,
 * AES-256 key wrap) with a fresh ephemeral key per certificate. Certificates outside their validity window or not
 * meant for encrypting mail are skipped; a mailbox left with none is listed in
 * {@link Encrypted#withoutCertificate()}, never dropped silently. The content is encrypted by the JDK's SunJCE while
 * the returned part is written, so a large message is streamed, not copied.
 */
public final class SmimeEncryptor {
    private final Clock clock;
    private final SecureRandom random;

    /** An encryptor judging validity on the clock and drawing keys from the random source. */
    public SmimeEncryptor(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /**
     * Encrypts the content to the sender and the recipients.
     *
     * @param content    the entity to encrypt (often a signed one)
     * @param sender     the sender with their own certificates, advertised as {@link Capabilities#ours()}
     * @param recipients everyone else the message goes to
     * @throws SmimeException when not a single certificate is usable, or encryption cannot be set up
     */
    public Encrypted encrypt(MimeBodyPart content, Recipient sender, List<Recipient> recipients) throws SmimeException {
        Instant now = clock.instant();
        Map<String, EncryptionCertificate> chosen = new LinkedHashMap<>();
        List<String> without = new ArrayList<>();
        List<Recipient> everyone = new ArrayList<>();
        everyone.add(sender);
        everyone.addAll(recipients);
        for (Recipient recipient : everyone) {
            boolean any = false;
            for (EncryptionCertificate candidate : recipient.certificates()) {
                MailCertificate certificate = new MailCertificate(candidate.certificate());
                if (certificate.canEncrypt() && certificate.isValidAt(now)) {
                    chosen.putIfAbsent(certificate.fingerprint(), candidate);
                    any = true;
                }
            }
            if (!any && !without.contains(recipient.address())) {
                without.add(recipient.address());
            }
        }
        if (chosen.isEmpty()) {
            throw new SmimeException(Notice.of("encrypt.nobody"), null);
        }
        ContentCipher cipher = chosen.values().stream()
                .allMatch(target -> target.capabilities().lists(ContentCipher.AES_256_GCM))
                ? ContentCipher.AES_256_GCM : ContentCipher.AES_256_CBC;
        List<X509Certificate> encryptedTo = chosen.values().stream().map(EncryptionCertificate::certificate).toList();
        try {
            List<RecipientInfoGenerator> infos = new ArrayList<>();
            for (EncryptionCertificate target : chosen.values()) {
                infos.add(recipientInfo(target));
            }
            return new Encrypted(envelope(content, cipher, infos), cipher, encryptedTo, without);
        } catch (GeneralSecurityException | CMSException | SMIMEException e) {
            throw new SmimeException(Notice.of("encrypt.failed"), e);
        }
    }

    private MimeBodyPart envelope(MimeBodyPart content, ContentCipher cipher, List<RecipientInfoGenerator> infos)
            throws CMSException, SMIMEException {
        OutputEncryptor encryptor = new JceCMSContentEncryptorBuilder(cipher.oid())
                .setProvider(CryptoProviders.JDK_CIPHERS)
                .setSecureRandom(random)
                .build();
        if (cipher == ContentCipher.AES_256_GCM) {
            SMIMEAuthEnvelopedGenerator generator = new SMIMEAuthEnvelopedGenerator();
            infos.forEach(generator::addRecipientInfoGenerator);
            return generator.generate(content, (OutputAEADEncryptor) encryptor);
        }
        SMIMEEnvelopedGenerator generator = new SMIMEEnvelopedGenerator();
        infos.forEach(generator::addRecipientInfoGenerator);
        return generator.generate(content, encryptor);
    }

    private RecipientInfoGenerator recipientInfo(EncryptionCertificate target)
            throws GeneralSecurityException {
        X509Certificate certificate = target.certificate();
        if (certificate.getPublicKey() instanceof ECPublicKey ecKey) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(ecKey.getParams(), random);
            KeyPair ephemeral = generator.generateKeyPair();
            return new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF, ephemeral.getPrivate(),
                    ephemeral.getPublic(), CMSAlgorithm.AES256_WRAP)
                    .addRecipient(certificate)
                    .setProvider(CryptoProviders.BOUNCY_CASTLE)
                    .setSecureRandom(random);
        }
        Optional<RSAESOAEPparams> oaep = target.capabilities().oaep();
        try {
            JceKeyTransRecipientInfoGenerator generator = oaep.isPresent()
                    ? new JceKeyTransRecipientInfoGenerator(certificate,
                            new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP, oaep.get()))
                    : new JceKeyTransRecipientInfoGenerator(certificate);
            return generator.setProvider(CryptoProviders.BOUNCY_CASTLE);
        } catch (CertificateEncodingException e) {
            throw new GeneralSecurityException("cannot read the recipient certificate", e);
        }
    }
}
