package dev.hikyaku.smime.request;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Makes the key pair and PKCS#10 request a user takes to a CA to get an S/MIME certificate (the wizard's first step). */
public final class CertificateRequestFactory {
    private static final int MAX_COMMON_NAME = 64;

    private final SecureRandom random;

    /** A factory drawing key material from the given random source. */
    public CertificateRequestFactory(SecureRandom random) {
        this.random = random;
    }

    /**
     * Generates a key pair and a request naming the mailbox in subjectAltName (what clients match on) and
     * asking for the S/MIME key usages.
     *
     * @param address     the mailbox
     * @param displayName the name for the subject's CN; empty to use the address itself
     * @param algorithm   the key type
     */
    public CertificateRequest create(EmailAddress address, Optional<String> displayName, KeyAlgorithm algorithm) {
        String commonName = displayName.map(String::strip).filter(name -> !name.isEmpty()).orElse(address.toString());
        if (commonName.length() > MAX_COMMON_NAME) {
            throw new RequestRejectedException("name.tooLong");
        }
        KeyPair keyPair = algorithm.generate(random);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, commonName)
                .addRDN(BCStyle.EmailAddress, address.toString())
                .build();
        try {
            ContentSigner signer = new JcaContentSignerBuilder(algorithm.signatureAlgorithm())
                    .setSecureRandom(random)
                    .build(keyPair.getPrivate());
            PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(subject, keyPair.getPublic())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions(address, algorithm))
                    .build(signer);
            return new CertificateRequest(address, algorithm, keyPair, request);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with " + algorithm.signatureAlgorithm(), e);
        }
    }

    private static org.bouncycastle.asn1.x509.Extensions extensions(EmailAddress address, KeyAlgorithm algorithm) {
        // RSA keys encrypt the content key (key transport); EC keys agree on it (ECDH), hence the different bit.
        int usage = algorithm == KeyAlgorithm.EC_P256
                ? KeyUsage.digitalSignature | KeyUsage.keyAgreement
                : KeyUsage.digitalSignature | KeyUsage.keyEncipherment;
        ExtensionsGenerator generator = new ExtensionsGenerator();
        try {
            generator.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.rfc822Name, address.toString())));
            generator.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            generator.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection));
        } catch (IOException e) {
            throw new UncheckedIOException("encoding extensions in memory cannot fail", e);
        }
        return generator.generate();
    }
}
