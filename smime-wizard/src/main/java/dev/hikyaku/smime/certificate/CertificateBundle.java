package dev.hikyaku.smime.certificate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;

/**
 * Certificates read from the bytes of a file whatever its form: one DER certificate, PEM text with one or many
 * CERTIFICATE (or PKCS7) blocks, or a DER PKCS#7/CMS structure (.p7b, .p7c, .p7s, signed .p7m). Every byte is
 * treated as hostile: anything unreadable gives {@link Kind#UNREADABLE}, never an exception.
 *
 * @param kind         what the bytes turned out to be
 * @param certificates the certificates found, in file order, duplicates removed
 * @param signedData   the CMS signed-data when the bytes were one with encapsulated content (an opaque signed
 *                     message), so that its signature can be verified
 */
public record CertificateBundle(Kind kind, List<X509Certificate> certificates, byte[] signedData) {
    /** At most this many certificates are read from one file; CA bundles have dozens, not thousands. */
    public static final int MAX_CERTIFICATES = 200;
    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]{1,40})-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    /** What the bytes were. */
    public enum Kind {
        /** Certificates (DER, PEM or a certs-only PKCS#7). */
        CERTIFICATES,
        /** CMS signed-data carrying its content: an opaque-signed message (.p7m) to verify. */
        SIGNED_CONTENT,
        /** CMS enveloped-data: an encrypted message, whose certificates cannot be read without the key. */
        ENCRYPTED,
        /** Not a form this reader knows, or damaged. */
        UNREADABLE
    }

    /** Copies the list and the bytes. */
    public CertificateBundle {
        certificates = List.copyOf(certificates);
        signedData = signedData.clone();
    }

    /** Reads the bytes. */
    public static CertificateBundle read(byte[] content) {
        try {
            String start = new String(content, 0, Math.min(content.length, 64), StandardCharsets.US_ASCII).stripLeading();
            if (start.startsWith("-----BEGIN ")) {
                return pem(new String(content, StandardCharsets.US_ASCII));
            }
            if (content.length > 0 && content[0] == 0x30) {
                return der(content);
            }
        } catch (CertificateException | CMSException | IOException | RuntimeException e) {
            // A hostile file makes the ASN.1 and certificate parsers throw anything; all of it means "unreadable".
            return unreadable();
        }
        return unreadable();
    }

    /** Whether the certificate is a CA certificate (not a person's). */
    public static boolean isAuthority(X509Certificate certificate) {
        return certificate.getBasicConstraints() >= 0;
    }

    private static CertificateBundle pem(String text) throws CertificateException, CMSException, IOException {
        Map<String, X509Certificate> found = new LinkedHashMap<>();
        Matcher block = PEM_BLOCK.matcher(text);
        boolean any = false;
        while (block.find()) {
            any = true;
            byte[] der = Base64.getMimeDecoder().decode(block.group(2));
            switch (block.group(1)) {
                case "CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE" -> add(found, certificate(der));
                case "PKCS7", "CMS" -> {
                    for (X509Certificate certificate : der(der).certificates()) {
                        add(found, certificate);
                    }
                }
                default -> {
                    // Keys, requests and CRLs are not certificates of contacts; they are skipped.
                }
            }
        }
        if (!any || found.isEmpty()) {
            return unreadable();
        }
        return new CertificateBundle(Kind.CERTIFICATES, List.copyOf(found.values()), new byte[0]);
    }

    private static CertificateBundle der(byte[] der) throws CertificateException, CMSException, IOException {
        ASN1Sequence sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
        if (sequence.size() == 2 && sequence.getObjectAt(0) instanceof ASN1ObjectIdentifier type) {
            if (type.equals(CMSObjectIdentifiers.envelopedData) || type.equals(CMSObjectIdentifiers.authEnvelopedData)) {
                return new CertificateBundle(Kind.ENCRYPTED, List.of(), new byte[0]);
            }
            if (!type.equals(CMSObjectIdentifiers.signedData)) {
                return unreadable();
            }
            CMSSignedData signed = new CMSSignedData(ContentInfo.getInstance(sequence));
            Map<String, X509Certificate> found = new LinkedHashMap<>();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (X509CertificateHolder holder : signed.getCertificates().getMatches(null)) {
                add(found, converter.getCertificate(holder));
            }
            if (signed.getSignedContent() != null && !signed.getSignerInfos().getSigners().isEmpty()) {
                return new CertificateBundle(Kind.SIGNED_CONTENT, List.copyOf(found.values()), der);
            }
            return found.isEmpty() ? unreadable()
                    : new CertificateBundle(Kind.CERTIFICATES, List.copyOf(found.values()), new byte[0]);
        }
        return new CertificateBundle(Kind.CERTIFICATES, List.of(certificate(der)), new byte[0]);
    }

    private static X509Certificate certificate(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static void add(Map<String, X509Certificate> found, X509Certificate certificate) throws CertificateException {
        if (found.size() >= MAX_CERTIFICATES) {
            throw new CertificateException("more than " + MAX_CERTIFICATES + " certificates");
        }
        found.putIfAbsent(new MailCertificate(certificate).fingerprint(), certificate);
    }

    private static CertificateBundle unreadable() {
        return new CertificateBundle(Kind.UNREADABLE, List.of(), new byte[0]);
    }
}
