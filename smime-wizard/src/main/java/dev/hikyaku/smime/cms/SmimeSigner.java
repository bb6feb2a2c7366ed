package dev.hikyaku.smime.cms;

import dev.hikyaku.smime.certificate.MailCertificate;
import dev.hikyaku.smime.text.Notice;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.smime.SMIMEAttributes;
import org.bouncycastle.asn1.smime.SMIMEEncryptionKeyPreferenceAttribute;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.mail.smime.SMIMEException;
import org.bouncycastle.mail.smime.SMIMESignedGenerator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a MIME entity (RFC 8551): detached multipart/signed or opaque signed-data, with the signer's chain,
 * SMIMECapabilities (GCM first, then CBC, OAEP) and the encryption-key preference in every signature, so that
 * recipients know how and to which certificate to encrypt back.
 */
public final class SmimeSigner {
    private final Clock clock;

    /** A signer stamping signatures with the clock's time (the signingTime attribute). */
    public SmimeSigner(Clock clock) {
        this.clock = clock;
    }

    /** Signs with the signer's own certificate as the encryption-key preference. */
    public MimeBodyPart sign(MimeBodyPart content, Credential signer, SigningOptions options) throws SmimeException {
        return sign(content, signer, Optional.empty(), options);
    }

    /**
     * Signs the content.
     *
     * @param content               the entity to sign, as it will be sent (7-bit safe for detached signatures)
     * @param signer                the key and chain that sign
     * @param encryptionCertificate the certificate recipients should encrypt to when it is not the signing one;
     *                              empty to name the signing certificate (when it can encrypt)
     * @param options               packaging, digest and RSA scheme
     * @return multipart/signed in a body part, or an application/pkcs7-mime body part
     */
    public MimeBodyPart sign(MimeBodyPart content, Credential signer, Optional<X509Certificate> encryptionCertificate,
            SigningOptions options) throws SmimeException {
        String algorithm = signatureAlgorithm(signer, options);
        Optional<X509Certificate> preferred = encryptionCertificate
                .or(() -> Optional.of(signer.certificate()).filter(leaf -> new MailCertificate(leaf).canEncrypt()));
        try {
            SMIMESignedGenerator generator = new SMIMESignedGenerator();
            // The digest runs over the whole content: the JDK's SHA-2 has CPU intrinsics, Bouncy Castle's does not.
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(digests)
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(signedAttributes(preferred)))
                    .build(new JcaContentSignerBuilder(algorithm).setProvider(CryptoProviders.BOUNCY_CASTLE)
                            .build(signer.privateKey()), signer.certificate()));
            List<X509Certificate> certificates = new ArrayList<>(signer.chain());
            preferred.filter(certificate -> !certificates.contains(certificate)).ifPresent(certificates::add);
            generator.addCertificates(new JcaCertStore(certificates));
            if (options.format() == SignatureFormat.OPAQUE) {
                return generator.generateEncapsulated(content);
            }
            MimeMultipart signed = generator.generate(content);
            MimeBodyPart part = new MimeBodyPart();
            part.setContent(signed);
            // Readers look at the header before the content; Jakarta Mail would only set it when the part is saved.
            part.setHeader("Content-Type", signed.getContentType());
            return part;
        } catch (OperatorCreationException | CertificateEncodingException | MessagingException | SMIMEException e) {
            throw new SmimeException(Notice.of("sign.failed", algorithm), e);
        }
    }

    private AttributeTable signedAttributes(Optional<X509Certificate> preferred) {
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(clock.instant())))));
        attributes.add(new Attribute(SMIMEAttributes.smimeCapabilities, new DERSet(Capabilities.ours().toSequence())));
        preferred.ifPresent(certificate -> attributes.add(new SMIMEEncryptionKeyPreferenceAttribute(
                new IssuerAndSerialNumber(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()),
                        certificate.getSerialNumber()))));
        return new AttributeTable(attributes);
    }

    private static String signatureAlgorithm(Credential signer, SigningOptions options) throws SmimeException {
        String digest = options.digest().jcaPrefix();
        if (signer.privateKey() instanceof ECPrivateKey || "EC".equals(signer.privateKey().getAlgorithm())) {
            return digest + "withECDSA";
        }
        if (signer.privateKey() instanceof RSAPrivateKey || "RSA".equals(signer.privateKey().getAlgorithm())) {
            return options.rsaScheme() == RsaSignatureScheme.PSS ? digest + "withRSAandMGF1" : digest + "withRSA";
        }
        throw new SmimeException(Notice.of("sign.unsupportedKey", signer.privateKey().getAlgorithm()),
                new CMSException("no S/MIME signature for " + signer.privateKey().getAlgorithm()));
    }
}
