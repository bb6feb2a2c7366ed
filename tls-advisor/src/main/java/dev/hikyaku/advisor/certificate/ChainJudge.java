package dev.hikyaku.advisor.certificate;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a chain a server presented: trust (a PKIX path to the JDK's CAs or any extra CA given), name, dates
 * and key strength, separately. Revocation is not checked: a probe must not depend on OCSP responders.
 */
public final class ChainJudge {
    private static final int MIN_RSA_BITS = 2048;
    private static final int MIN_EC_BITS = 256;

    private final Set<TrustAnchor> anchors;
    private final Clock clock;

    private ChainJudge(Set<TrustAnchor> anchors, Clock clock) {
        this.anchors = Set.copyOf(anchors);
        this.clock = clock;
    }

    /** A judge trusting exactly {@code cas} (see {@link TrustedCas} for the JDK's list plus the user's). */
    public static ChainJudge trusting(Collection<X509Certificate> cas, Clock clock) {
        Set<TrustAnchor> anchors = new HashSet<>();
        cas.forEach(ca -> anchors.add(new TrustAnchor(ca, null)));
        return new ChainJudge(anchors, clock);
    }

    /** Judges {@code chain} (leaf first, as presented) for {@code host}. */
    public ChainJudgement judge(List<X509Certificate> chain, String host) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a TLS server always presents at least one certificate");
        }
        X509Certificate leaf = chain.get(0);
        Instant now = clock.instant();
        boolean inDate = chain.stream().allMatch(certificate -> inDate(certificate, now));
        Optional<String> trustProblem = trustProblem(chain, trustInstant(chain, now));
        return new ChainJudgement(
                leaf.getSubjectX500Principal().getName(),
                leaf.getIssuerX500Principal().getName(),
                leaf.getNotAfter().toInstant(),
                trustProblem.isEmpty(),
                trustProblem,
                HostNameMatch.matches(leaf, host),
                inDate,
                strongKey(leaf),
                keyDescription(leaf));
    }

    /**
     * Trust is judged at an instant where the presented certificates are all valid, so that an expired but
     * otherwise well-issued certificate reads "trusted CA, expired" rather than just "untrusted". The latest
     * notBefore is that instant: one second before the earliest notAfter may precede an intermediate's start.
     */
    private static Instant trustInstant(List<X509Certificate> chain, Instant now) {
        Instant latestStart = chain.stream().map(c -> c.getNotBefore().toInstant()).max(Instant::compareTo).orElse(now);
        Instant earliestEnd = chain.stream().map(c -> c.getNotAfter().toInstant()).min(Instant::compareTo).orElse(now);
        // RFC 5280 validity periods include both notBefore and notAfter.
        if (!now.isBefore(latestStart) && !now.isAfter(earliestEnd)) {
            return now;
        }
        return latestStart.isAfter(earliestEnd) ? now : latestStart;
    }

    private Optional<String> trustProblem(List<X509Certificate> chain, Instant at) {
        if (anchors.isEmpty()) {
            return Optional.of("no trusted CAs are configured");
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(chain.get(0));
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(chain)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return Optional.empty();
        } catch (InvalidAlgorithmParameterException e) {
            return Optional.of("no trusted CAs are configured");
        } catch (GeneralSecurityException e) {
            return Optional.of(isSelfSigned(chain.get(0)) ? "self-signed certificate" : "no path to a trusted CA");
        }
    }

    private static boolean isSelfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean inDate(X509Certificate certificate, Instant now) {
        try {
            certificate.checkValidity(Date.from(now));
            return true;
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return false;
        }
    }

    private static boolean strongKey(X509Certificate certificate) {
        if (certificate.getPublicKey() instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength() >= MIN_RSA_BITS;
        }
        if (certificate.getPublicKey() instanceof ECPublicKey ec) {
            return ec.getParams().getOrder().bitLength() >= MIN_EC_BITS;
        }
        // EdDSA and others: only ever offered by modern stacks with adequate sizes.
        return true;
    }

    private static String keyDescription(X509Certificate certificate) {
        if (certificate.getPublicKey() instanceof RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength();
        }
        if (certificate.getPublicKey() instanceof ECPublicKey ec) {
            return "EC " + ec.getParams().getOrder().bitLength();
        }
        return certificate.getPublicKey().getAlgorithm();
    }
}
