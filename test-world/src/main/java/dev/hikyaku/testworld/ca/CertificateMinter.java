package dev.hikyaku.testworld.ca;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Signs one X.509 v3 certificate with the key identifiers every path validator expects. */
final class CertificateMinter {

    private final SecureRandom random;

    CertificateMinter(SecureRandom random) {
        this.random = random;
    }

    X509Certificate mint(X500Name subject, PublicKey subjectKey, Validity validity, Authority issuer,
            List<Extension> extensions) {
        try {
            JcaX509ExtensionUtils identifiers = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.name(), serial(),
                    Date.from(validity.notBefore()), Date.from(validity.notAfter()), subject, subjectKey);
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    identifiers.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    identifiers.createAuthorityKeyIdentifier(issuer.keys().getPublic()));
            for (Extension extension : extensions) {
                builder.addExtension(extension);
            }
            ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm(issuer))
                    .build(issuer.keys().getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot mint a certificate for " + subject, e);
        }
    }

    static Extension extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            return Extension.create(oid, critical, value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode extension " + oid, e);
        }
    }

    // Random positive serials keep certificates distinct even when one key signs many of them.
    private BigInteger serial() {
        return new BigInteger(127, random).setBit(126);
    }

    private static String signatureAlgorithm(Authority issuer) {
        return issuer.keys().getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    }
}
