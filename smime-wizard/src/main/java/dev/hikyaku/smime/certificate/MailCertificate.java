package dev.hikyaku.smime.certificate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * An X.509 certificate read the way S/MIME reads it: which mailboxes it names, whether it may sign or protect
 * keys for mail, and when it is valid.
 *
 * @param certificate the certificate
 */
public record MailCertificate(X509Certificate certificate) {
    private static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
    private static final int RFC822_NAME = 1;
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_AGREEMENT = 4;

    /** Checks that there is a certificate. */
    public MailCertificate {
        Objects.requireNonNull(certificate, "certificate");
    }

    /** Parses one DER (or PEM) certificate; throws {@link CertificateException} on anything else. */
    public static MailCertificate parse(byte[] encoded) throws CertificateException {
        try (InputStream in = new ByteArrayInputStream(encoded)) {
            return new MailCertificate((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        } catch (IOException e) {
            throw new CertificateException("cannot read certificate bytes", e);
        }
    }

    /**
     * The mailboxes the certificate is for: SAN rfc822Name entries, then the legacy subject emailAddress, with the
     * domain lower-cased (the local part is kept: it is the owner's to spell).
     */
    public List<String> addresses() {
        Set<String> addresses = new LinkedHashSet<>();
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    if (name.size() >= 2 && Integer.valueOf(RFC822_NAME).equals(name.get(0)) && name.get(1) instanceof String text) {
                        normalise(text).ifPresent(addresses::add);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // A broken SAN names nobody; the subject may still name the mailbox.
        }
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        for (RDN rdn : subject.getRDNs(BCStyle.EmailAddress)) {
            normalise(IETFUtils.valueToString(rdn.getFirst().getValue())).ifPresent(addresses::add);
        }
        return List.copyOf(addresses);
    }

    /** Whether the certificate names the mailbox (domain compared case-insensitively, local part too: mail clients do). */
    public boolean names(String address) {
        String wanted = address.strip().toLowerCase(Locale.ROOT);
        return addresses().stream().anyMatch(own -> own.toLowerCase(Locale.ROOT).equals(wanted));
    }

    /** SHA-256 of the DER encoding, lower-case hex: the certificate's identity in the stores. */
    public String fingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("SHA-256 over a parsed certificate cannot fail", e);
        }
    }

    /** Whether the certificate's extended key usage allows mail (absent, emailProtection or anyExtendedKeyUsage). */
    public boolean allowsEmail() {
        try {
            List<String> purposes = certificate.getExtendedKeyUsage();
            return purposes == null || purposes.contains(EMAIL_PROTECTION) || purposes.contains(ANY_EXTENDED_KEY_USAGE);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    /** Whether the certificate may sign mail: a mail certificate with digitalSignature or nonRepudiation. */
    public boolean canSign() {
        boolean[] usage = certificate.getKeyUsage();
        return allowsEmail() && !isCa() && (usage == null || usage[DIGITAL_SIGNATURE] || usage[NON_REPUDIATION]);
    }

    /** Whether mail can be encrypted to it: RSA with keyEncipherment, or EC with keyAgreement. */
    public boolean canEncrypt() {
        if (!allowsEmail() || isCa()) {
            return false;
        }
        boolean[] usage = certificate.getKeyUsage();
        if (isRsa()) {
            return usage == null || usage[KEY_ENCIPHERMENT];
        }
        if (isEc()) {
            return usage == null || usage[KEY_AGREEMENT];
        }
        return false;
    }

    /** Whether the key is RSA. */
    public boolean isRsa() {
        return certificate.getPublicKey() instanceof RSAPublicKey;
    }

    /** Whether the key is an elliptic-curve key. */
    public boolean isEc() {
        return certificate.getPublicKey() instanceof ECPublicKey;
    }

    /** Whether the instant falls within notBefore..notAfter. */
    public boolean isValidAt(Instant instant) {
        return !instant.isBefore(notBefore()) && !instant.isAfter(notAfter());
    }

    /** The start of the validity window. */
    public Instant notBefore() {
        return certificate.getNotBefore().toInstant();
    }

    /** The end of the validity window. */
    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** The subject's common name, or the whole subject when it has none: what to show a person. */
    public String displayName() {
        X500Principal principal = certificate.getSubjectX500Principal();
        RDN[] names = X500Name.getInstance(principal.getEncoded()).getRDNs(BCStyle.CN);
        return names.length > 0 ? IETFUtils.valueToString(names[0].getFirst().getValue()) : principal.getName();
    }

    /** Whether the certificate is a CA certificate (never a mail certificate). */
    public boolean isCa() {
        return certificate.getBasicConstraints() >= 0;
    }

    /** All certificates among {@code certificates} that name the address, in their order. */
    public static List<X509Certificate> naming(String address, Collection<X509Certificate> certificates) {
        List<X509Certificate> found = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            if (new MailCertificate(certificate).names(address)) {
                found.add(certificate);
            }
        }
        return found;
    }

    private static Optional<String> normalise(String text) {
        String address = text.strip();
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(address.substring(0, at) + "@" + address.substring(at + 1).toLowerCase(Locale.ROOT));
    }
}
