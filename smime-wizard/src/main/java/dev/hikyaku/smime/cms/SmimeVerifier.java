package dev.hikyaku.smime.cms;

import dev.hikyaku.smime.certificate.MailCertificate;
import dev.hikyaku.smime.revocation.RevocationChecker;
import dev.hikyaku.smime.revocation.RevocationStatus;
import dev.hikyaku.smime.text.Notice;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAParams;
import java.security.interfaces.DSAPublicKey;
import java.security.spec.DSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.smime.SMIMEAttributes;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoVerifierBuilder;
import org.bouncycastle.mail.smime.SMIMEException;
import org.bouncycastle.mail.smime.SMIMESigned;
import org.bouncycastle.mail.smime.SMIMEUtil;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Store;

/**
 * Verifies signed entities (multipart/signed or signed-data): the signature, the chain to a trusted root at signing
 * time, the certificate's validity then, that it is for mail and names the From address, and its revocation (and that
 * of the CAs above it) where a source is reachable (not checked is reported, not fatal).
 */
public final class SmimeVerifier {
    // Senders' clocks drift; a signature a little ahead of ours is not suspicious.
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(15);

    private final Set<TrustAnchor> anchors;
    private final RevocationChecker revocation;
    private final Clock clock;

    /**
     * A verifier.
     *
     * @param anchors    the roots the user trusts (the operating system's store, plus any the user added)
     * @param revocation how revocation is asked
     * @param clock      the current time, used when a signature carries no signing time
     */
    public SmimeVerifier(Set<TrustAnchor> anchors, RevocationChecker revocation, Clock clock) {
        this.anchors = Set.copyOf(anchors);
        this.revocation = revocation;
        this.clock = clock;
    }

    /** Whether the part is signed: multipart/signed, or pkcs7-mime with smime-type signed-data. */
    public static boolean isSigned(Part part) throws MessagingException {
        ContentType type = new ContentType(part.getContentType());
        if (type.match("multipart/signed")) {
            return true;
        }
        String smimeType = type.getParameter("smime-type");
        return (type.match("application/pkcs7-mime") || type.match("application/x-pkcs7-mime"))
                && smimeType != null && smimeType.equalsIgnoreCase("signed-data");
    }

    /**
     * Verifies the signed part.
     *
     * @param signed      a multipart/signed or signed-data part (a message or a body part)
     * @param fromAddress the message's From address, to match against the certificate; empty to skip that check
     * @throws SmimeException when the part is not a readable signed entity
     */
    public VerificationReport verify(MimePart signed, Optional<String> fromAddress) throws SmimeException {
        CMSSignedData data;
        MimeBodyPart content;
        try {
            if (new ContentType(signed.getContentType()).match("multipart/signed")) {
                SMIMESigned smime = new SMIMESigned(multipart(signed));
                data = smime;
                content = smime.getContent();
            } else {
                try (InputStream in = signed.getInputStream()) {
                    data = new CMSSignedData(in);
                }
                if (data.getSignedContent() == null) {
                    throw new CMSException("signed-data without content");
                }
                content = SMIMEUtil.toMimeBodyPart((byte[]) data.getSignedContent().getContent());
            }
        } catch (MessagingException | IOException | CMSException | SMIMEException | IllegalArgumentException
                 | ClassCastException e) {
            throw new SmimeException(Notice.of("verify.unreadable"), e);
        }
        List<X509Certificate> included = certificates(data.getCertificates());
        List<SignerReport> reports = new ArrayList<>();
        for (SignerInformation signer : data.getSignerInfos().getSigners()) {
            reports.add(judge(signer, included, fromAddress));
        }
        if (reports.isEmpty()) {
            throw new SmimeException(Notice.of("verify.noSigner"), null);
        }
        return new VerificationReport(reports, content);
    }

    private SignerReport judge(SignerInformation signer, List<X509Certificate> included, Optional<String> from) {
        List<Finding> findings = new ArrayList<>();
        Instant now = clock.instant();
        Instant signingTime = signingTime(signer.getSignedAttributes()).orElse(now);
        if (signingTime.isAfter(now.plus(CLOCK_SKEW))) {
            findings.add(Finding.SIGNING_TIME_IN_FUTURE);
            signingTime = now;
        }
        Capabilities capabilities = Capabilities.of(signer.getSignedAttributes());
        Optional<X509Certificate> preferred = encryptionPreference(signer.getSignedAttributes(), included);
        Optional<X509Certificate> found = included.stream().filter(certificate -> matches(signer, certificate)).findFirst();
        if (found.isEmpty()) {
            findings.add(Finding.CERTIFICATE_MISSING);
            return new SignerReport(Optional.empty(), List.of(), signingTime, capabilities, preferred,
                    new RevocationStatus.NotChecked(RevocationStatus.Reason.NO_SOURCE), findings);
        }
        X509Certificate leaf = found.get();
        MailCertificate mail = new MailCertificate(leaf);
        // The chain is judged at a moment the leaf was valid, so an expired leaf is not also reported as untrusted.
        Instant chainTime = mail.isValidAt(signingTime) ? signingTime
                : signingTime.isAfter(mail.notAfter()) ? mail.notAfter() : mail.notBefore();
        Optional<List<X509Certificate>> path = path(leaf, included, chainTime);
        if (!signatureValid(signer, signingKey(leaf, path))) {
            findings.add(Finding.SIGNATURE_INVALID);
        }
        if (signingTime.isAfter(mail.notAfter())) {
            findings.add(Finding.EXPIRED_AT_SIGNING);
        } else if (signingTime.isBefore(mail.notBefore())) {
            findings.add(Finding.NOT_YET_VALID_AT_SIGNING);
        }
        if (!mail.allowsEmail()) {
            findings.add(Finding.NOT_FOR_EMAIL);
        }
        if (from.isPresent() && !mail.names(from.get())) {
            findings.add(Finding.ADDRESS_MISMATCH);
        }
        RevocationStatus status;
        if (path.isEmpty()) {
            findings.add(Finding.CHAIN_UNTRUSTED);
            status = new RevocationStatus.NotChecked(RevocationStatus.Reason.NO_SOURCE);
        } else {
            status = revocation.check(leaf, path.get().get(1), signingTime);
            if (status instanceof RevocationStatus.Revoked) {
                findings.add(Finding.REVOKED);
            } else if (status instanceof RevocationStatus.NotChecked) {
                findings.add(Finding.REVOCATION_NOT_CHECKED);
            }
            if (issuerRevoked(path.get(), signingTime)) {
                findings.add(Finding.ISSUER_REVOKED);
            }
        }
        List<X509Certificate> chain = path.map(full -> full.subList(0, full.size() - 1))
                .orElseGet(() -> upward(leaf, included));
        return new SignerReport(Optional.of(leaf), chain, signingTime, capabilities, preferred, status, findings);
    }

    // A path through a revoked CA is no path (RFC 5280 6.1.3); the anchor itself is trusted as configured. A CA
    // that could not be checked is not reported: the finding about the signer's own certificate already says so
    // when sources are unreachable, and many CA certificates name no revocation source at all.
    private boolean issuerRevoked(List<X509Certificate> path, Instant at) {
        for (int i = 1; i < path.size() - 1; i++) {
            if (revocation.check(path.get(i), path.get(i + 1), at) instanceof RevocationStatus.Revoked) {
                return true;
            }
        }
        return false;
    }

    private static MimeMultipart multipart(MimePart signed) throws MessagingException, IOException {
        Object content = signed.getContent();
        if (content instanceof MimeMultipart multipart) {
            return multipart;
        }
        return new MimeMultipart(signed.getDataHandler().getDataSource());
    }

    // RFC 3279 2.3.2: a DSA key without parameters takes those of the nearest key above it on the trusted path.
    private static PublicKey signingKey(X509Certificate leaf, Optional<List<X509Certificate>> path) {
        PublicKey key = leaf.getPublicKey();
        if (!(key instanceof DSAPublicKey dsa) || dsa.getParams() != null || path.isEmpty()) {
            return key;
        }
        for (X509Certificate above : path.get().subList(1, path.get().size())) {
            if (!(above.getPublicKey() instanceof DSAPublicKey issuer)) {
                return key;
            }
            DSAParams params = issuer.getParams();
            if (params != null) {
                try {
                    return KeyFactory.getInstance("DSA").generatePublic(
                            new DSAPublicKeySpec(dsa.getY(), params.getP(), params.getQ(), params.getG()));
                } catch (GeneralSecurityException e) {
                    return key;
                }
            }
        }
        return key;
    }

    private static boolean signatureValid(SignerInformation signer, PublicKey key) {
        try {
            // By public key, not certificate: Bouncy Castle would fail a certificate invalid at the signing time as a
            // bad signature, while validity is judged (and reported) on its own above.
            return signer.verify(new JcaSignerInfoVerifierBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setProvider(CryptoProviders.BOUNCY_CASTLE).build(key));
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }

    private static boolean matches(SignerInformation signer, X509Certificate certificate) {
        try {
            return signer.getSID().match(new X509CertificateHolder(certificate.getEncoded()));
        } catch (IOException | CertificateEncodingException e) {
            return false;
        }
    }

    // Leaf first, trust anchor last; empty when no path to a trusted root exists at the instant.
    private Optional<List<X509Certificate>> path(X509Certificate leaf, List<X509Certificate> pool, Instant at) {
        if (anchors.isEmpty()) {
            return Optional.empty();
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(leaf);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
            List<X509Certificate> path = new ArrayList<>();
            result.getCertPath().getCertificates().forEach(certificate -> path.add((X509Certificate) certificate));
            path.add(result.getTrustAnchor().getTrustedCert());
            return Optional.of(path);
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static List<X509Certificate> upward(X509Certificate leaf, List<X509Certificate> pool) {
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
        X509Certificate current = leaf;
        while (chain.size() < pool.size() && !current.getIssuerX500Principal().equals(current.getSubjectX500Principal())) {
            X509Certificate child = current;
            Optional<X509Certificate> issuer = pool.stream()
                    .filter(candidate -> candidate.getSubjectX500Principal().equals(child.getIssuerX500Principal()))
                    .filter(candidate -> !chain.contains(candidate))
                    .findFirst();
            if (issuer.isEmpty()) {
                break;
            }
            chain.add(issuer.get());
            current = issuer.get();
        }
        return chain;
    }

    private static Optional<Instant> signingTime(AttributeTable attributes) {
        Attribute attribute = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<X509Certificate> encryptionPreference(AttributeTable attributes, List<X509Certificate> pool) {
        Attribute attribute = attributes == null ? null : attributes.get(SMIMEAttributes.encrypKeyPref);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            return Optional.empty();
        }
        try {
            // SMIMEEncryptionKeyPreference is a CHOICE; only issuerAndSerialNumber [0] IMPLICIT names a certificate
            // that can be looked up among the included ones.
            ASN1TaggedObject choice = ASN1TaggedObject.getInstance(attribute.getAttrValues().getObjectAt(0));
            if (choice.getTagNo() != 0) {
                return Optional.empty();
            }
            return find(IssuerAndSerialNumber.getInstance(ASN1Sequence.getInstance(choice, false)), pool);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static Optional<X509Certificate> find(IssuerAndSerialNumber named, List<X509Certificate> pool) {
        return pool.stream()
                .filter(certificate -> certificate.getSerialNumber().equals(named.getSerialNumber().getValue()))
                .filter(certificate -> X500Name.getInstance(
                        certificate.getIssuerX500Principal().getEncoded()).equals(named.getName()))
                .findFirst();
    }

    private static List<X509Certificate> certificates(Store<X509CertificateHolder> store) {
        Collection<X509CertificateHolder> holders = store.getMatches(null);
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> certificates = new ArrayList<>();
        for (X509CertificateHolder holder : holders) {
            try {
                certificates.add(converter.getCertificate(holder));
            } catch (CertificateException e) {
                // An unreadable extra certificate in a stranger's message is ignored; the signer's own is checked.
            }
        }
        return certificates;
    }
}
