package dev.hikyaku.smime.baseline;

import dev.hikyaku.smime.certificate.MailCertificate;
import dev.hikyaku.smime.request.EmailAddress;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateParsingException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Checks a mailbox certificate the user got from a CA against the CA/Browser Forum S/MIME Baseline Requirements
 * (version 1.0.x, as in force in 2026) and against what Hikyaku needs from it, and explains every problem found.
 * All checks run, so the user sees everything at once rather than one problem per attempt.
 */
public final class BaselineValidator {
    private static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    private static final Map<String, String> FORBIDDEN_PURPOSES = Map.of(
            "1.3.6.1.5.5.7.3.1", "serverAuth",
            "1.3.6.1.5.5.7.3.3", "codeSigning",
            "1.3.6.1.5.5.7.3.8", "timeStamping",
            "2.5.29.37.0", "anyExtendedKeyUsage");
    // S/MIME BR 7.1.6.1: 2.23.140.1.5.<type>.<generation>, type 1 mailbox, 2 organization, 3 sponsor, 4 individual;
    // generation 1 legacy, 2 multipurpose, 3 strict.
    private static final String SMIME_POLICY_ARC = "2.23.140.1.5.";
    private static final long MAX_DAYS = 825;
    private static final long MAX_DAYS_LEGACY = 1185;
    private static final int MIN_RSA_BITS = 2048;
    private static final Set<ASN1ObjectIdentifier> CURVES = Set.of(
            X9ObjectIdentifiers.prime256v1,
            SECObjectIdentifiers.secp384r1,
            SECObjectIdentifiers.secp521r1);
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_AGREEMENT = 4;
    private static final int KEY_CERT_SIGN = 5;
    private static final int CRL_SIGN = 6;
    private static final int RFC822_NAME = 1;

    private final Set<TrustAnchor> anchors;
    private final Clock clock;

    /**
     * A validator.
     *
     * @param anchors the roots a chain must reach (the system's, or the company's root for a private CA)
     */
    public BaselineValidator(Set<TrustAnchor> anchors, Clock clock) {
        this.anchors = Set.copyOf(anchors);
        this.clock = clock;
    }

    /**
     * Every problem of the certificate, errors first.
     *
     * @param chain   the certificate, then any intermediates that came with it
     * @param account the mailbox the certificate must be for
     * @param issuer  a public or a company CA
     */
    public List<BaselineProblem> validate(List<X509Certificate> chain, EmailAddress account, Issuer issuer) {
        X509Certificate leaf = chain.get(0);
        Severity baselineOnly = issuer == Issuer.PUBLIC_CA ? Severity.ERROR : Severity.WARNING;
        List<BaselineProblem> problems = new ArrayList<>();
        if (leaf.getBasicConstraints() >= 0) {
            problems.add(BaselineProblem.of(BaselineCheck.AUTHORITY, Severity.ERROR));
        }
        purposes(leaf, problems);
        usages(leaf, problems);
        addresses(leaf, account, problems);
        Optional<Integer> generation = policyGeneration(leaf);
        if (generation.isEmpty()) {
            problems.add(BaselineProblem.of(BaselineCheck.POLICY_ABSENT, baselineOnly));
        }
        validity(leaf, generation, baselineOnly, problems);
        key(leaf.getPublicKey(), problems);
        if (!chains(chain)) {
            problems.add(BaselineProblem.of(BaselineCheck.CHAIN_UNTRUSTED, Severity.ERROR,
                    leaf.getIssuerX500Principal().getName()));
        }
        problems.sort((one, other) -> one.severity().compareTo(other.severity()));
        return List.copyOf(problems);
    }

    private static void purposes(X509Certificate leaf, List<BaselineProblem> problems) {
        List<String> purposes;
        try {
            purposes = leaf.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            purposes = null;
        }
        if (purposes == null) {
            problems.add(BaselineProblem.of(BaselineCheck.EKU_ABSENT, Severity.ERROR));
            return;
        }
        if (!purposes.contains(EMAIL_PROTECTION)) {
            problems.add(BaselineProblem.of(BaselineCheck.EKU_NO_EMAIL, Severity.ERROR));
        }
        List<String> forbidden = purposes.stream().filter(FORBIDDEN_PURPOSES::containsKey).map(FORBIDDEN_PURPOSES::get).toList();
        if (!forbidden.isEmpty()) {
            problems.add(BaselineProblem.of(BaselineCheck.EKU_FORBIDDEN, Severity.ERROR, String.join(", ", forbidden)));
        }
    }

    private static void usages(X509Certificate leaf, List<BaselineProblem> problems) {
        boolean[] usage = leaf.getKeyUsage();
        if (usage == null) {
            problems.add(BaselineProblem.of(BaselineCheck.KEY_USAGE_ABSENT, Severity.ERROR));
            return;
        }
        boolean ec = leaf.getPublicKey() instanceof ECPublicKey;
        if (!bit(usage, DIGITAL_SIGNATURE)) {
            problems.add(BaselineProblem.of(BaselineCheck.KEY_USAGE_CANNOT_SIGN, Severity.ERROR));
        }
        boolean rsa = leaf.getPublicKey() instanceof RSAPublicKey;
        // Other key types are refused on their own (KEY_ALGORITHM); what they could encrypt does not matter.
        if ((rsa || ec) && !bit(usage, ec ? KEY_AGREEMENT : KEY_ENCIPHERMENT)) {
            problems.add(BaselineProblem.of(BaselineCheck.KEY_USAGE_CANNOT_ENCRYPT, Severity.WARNING,
                    ec ? "keyAgreement" : "keyEncipherment"));
        }
        List<String> forbidden = new ArrayList<>();
        if (bit(usage, KEY_CERT_SIGN)) {
            forbidden.add("keyCertSign");
        }
        if (bit(usage, CRL_SIGN)) {
            forbidden.add("cRLSign");
        }
        if (ec && bit(usage, KEY_ENCIPHERMENT)) {
            forbidden.add("keyEncipherment");
        }
        if (!forbidden.isEmpty()) {
            problems.add(BaselineProblem.of(BaselineCheck.KEY_USAGE_FORBIDDEN, Severity.ERROR, String.join(", ", forbidden)));
        }
    }

    private static void addresses(X509Certificate leaf, EmailAddress account, List<BaselineProblem> problems) {
        List<String> named = new ArrayList<>();
        try {
            Collection<List<?>> names = leaf.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    if (name.size() >= 2 && Integer.valueOf(RFC822_NAME).equals(name.get(0)) && name.get(1) instanceof String text) {
                        named.add(text.strip());
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // An unreadable SAN names nobody.
        }
        if (named.isEmpty()) {
            problems.add(BaselineProblem.of(BaselineCheck.SAN_ABSENT, Severity.ERROR, account.toString()));
            return;
        }
        String wanted = account.toString().toLowerCase(Locale.ROOT);
        if (named.stream().noneMatch(address -> address.toLowerCase(Locale.ROOT).equals(wanted))) {
            problems.add(BaselineProblem.of(BaselineCheck.SAN_OTHER_ADDRESS, Severity.ERROR, account.toString(),
                    String.join(", ", named)));
        }
    }

    // The generation (1 legacy, 2 multipurpose, 3 strict) of the first S/MIME BR policy found.
    private static Optional<Integer> policyGeneration(X509Certificate leaf) {
        byte[] extension = leaf.getExtensionValue(Extension.certificatePolicies.getId());
        if (extension == null) {
            return Optional.empty();
        }
        try {
            ASN1OctetString octets = DEROctetString.getInstance(extension);
            CertificatePolicies policies = CertificatePolicies.getInstance(octets.getOctets());
            for (PolicyInformation policy : policies.getPolicyInformation()) {
                String oid = policy.getPolicyIdentifier().getId();
                if (oid.startsWith(SMIME_POLICY_ARC)) {
                    String[] arcs = oid.substring(SMIME_POLICY_ARC.length()).split("\\.");
                    if (arcs.length == 2) {
                        return Optional.of(Integer.parseInt(arcs[1]));
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // A malformed policies extension is no policy at all.
        }
        return Optional.empty();
    }

    private void validity(X509Certificate leaf, Optional<Integer> generation, Severity baselineOnly,
            List<BaselineProblem> problems) {
        MailCertificate mail = new MailCertificate(leaf);
        Instant now = clock.instant();
        if (now.isBefore(mail.notBefore())) {
            problems.add(BaselineProblem.of(BaselineCheck.NOT_YET_VALID, Severity.ERROR, day(mail.notBefore())));
        } else if (now.isAfter(mail.notAfter())) {
            problems.add(BaselineProblem.of(BaselineCheck.EXPIRED, Severity.ERROR, day(mail.notAfter())));
        }
        // RFC 5280 validity includes both ends, hence the extra second.
        long seconds = Duration.between(mail.notBefore(), mail.notAfter()).getSeconds() + 1;
        long days = (seconds + 86_399) / 86_400;
        long limit = generation.filter(g -> g == 1).isPresent() ? MAX_DAYS_LEGACY : MAX_DAYS;
        if (days > limit) {
            problems.add(BaselineProblem.of(BaselineCheck.VALIDITY_TOO_LONG, baselineOnly, days, limit));
        }
    }

    private static void key(PublicKey key, List<BaselineProblem> problems) {
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < MIN_RSA_BITS) {
                problems.add(BaselineProblem.of(BaselineCheck.RSA_TOO_SHORT, Severity.ERROR, bits));
            }
        } else if (key instanceof ECPublicKey) {
            ASN1ObjectIdentifier curve = curve(key);
            if (curve == null || !CURVES.contains(curve)) {
                String name = curve == null ? "?" : String.valueOf(ECNamedCurveTable.getName(curve));
                problems.add(BaselineProblem.of(BaselineCheck.CURVE_NOT_ALLOWED, Severity.ERROR, name));
            }
        } else {
            problems.add(BaselineProblem.of(BaselineCheck.KEY_ALGORITHM, Severity.ERROR, key.getAlgorithm()));
        }
    }

    private static ASN1ObjectIdentifier curve(PublicKey key) {
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
            return info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier named ? named : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private boolean chains(List<X509Certificate> chain) {
        if (anchors.isEmpty()) {
            return false;
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(chain.get(0));
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            // Judged at a moment the leaf is valid, so an expired certificate is not also called untrusted.
            MailCertificate mail = new MailCertificate(chain.get(0));
            Instant now = clock.instant();
            Instant at = mail.isValidAt(now) ? now : now.isAfter(mail.notAfter()) ? mail.notAfter() : mail.notBefore();
            parameters.setDate(Date.from(at));
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(chain)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static boolean bit(boolean[] usage, int index) {
        return usage.length > index && usage[index];
    }
}
