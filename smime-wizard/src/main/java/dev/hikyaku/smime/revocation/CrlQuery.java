package dev.hikyaku.smime.revocation;

import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Reads one CRL distribution point (RFC 5280) for one certificate: a complete CRL from the certificate's issuer, signed
 * by it, current by the injected clock, fetched once and then served from the cache until its nextUpdate.
 */
final class CrlQuery {
    private static final int CRL_SIGN = 6;

    private final RevocationHttp http;
    private final CrlCache cache;
    private final RevocationSettings settings;
    private final Clock clock;

    CrlQuery(RevocationHttp http, CrlCache cache, RevocationSettings settings, Clock clock) {
        this.http = http;
        this.cache = cache;
        this.settings = settings;
        this.clock = clock;
    }

    SourceAnswer ask(URI point, X509Certificate certificate, X509Certificate issuer) {
        Instant now = clock.instant();
        Optional<byte[]> cached = cache.get(point, now);
        if (cached.isPresent()) {
            Optional<X509CRLHolder> usable = usable(cached.get(), issuer, now);
            if (usable.isPresent()) {
                return answer(usable.get(), point, certificate);
            }
        }
        byte[] der;
        try {
            der = http.get(point, settings.maxCrlBytes());
        } catch (FetchException e) {
            return new SourceAnswer.Unusable(RevocationStatus.Reason.UNREACHABLE);
        }
        Optional<X509CRLHolder> usable = usable(der, issuer, now);
        if (usable.isEmpty()) {
            return new SourceAnswer.Unusable(RevocationStatus.Reason.INVALID_ANSWER);
        }
        cache.put(point, der, usable.get().getNextUpdate().toInstant());
        return answer(usable.get(), point, certificate);
    }

    private static SourceAnswer answer(X509CRLHolder crl, URI point, X509Certificate certificate) {
        String source = "CRL " + point;
        X509CRLEntryHolder entry = crl.getRevokedCertificate(certificate.getSerialNumber());
        Instant until = crl.getNextUpdate().toInstant();
        if (entry == null || removed(entry)) {
            return new SourceAnswer.Settled(new RevocationStatus.Good(source), until);
        }
        return new SourceAnswer.Settled(new RevocationStatus.Revoked(source, entry.getRevocationDate().toInstant()),
                Instant.MAX);
    }

    // The CRL's bytes are a stranger's: anything unreadable, unsigned, stale or partial is not used.
    private Optional<X509CRLHolder> usable(byte[] der, X509Certificate issuer, Instant now) {
        try {
            X509CRLHolder crl = new X509CRLHolder(der);
            boolean[] usage = issuer.getKeyUsage();
            if (!crl.getIssuer().equals(X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()))
                    || usage != null && !usage[CRL_SIGN]
                    || !crl.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey()))
                    || crl.getThisUpdate().toInstant().isAfter(now.plus(settings.clockSkew()))
                    || crl.getNextUpdate() == null
                    || now.isAfter(crl.getNextUpdate().toInstant().plus(settings.clockSkew()))
                    || !complete(crl)) {
                return Optional.empty();
            }
            return Optional.of(crl);
        } catch (IOException | CertException | OperatorCreationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    // A delta CRL, or one scoped to some reasons, to CA or attribute certificates, or to another issuer, does not say
    // on its own that an unlisted certificate is good.
    private static boolean complete(X509CRLHolder crl) {
        if (crl.getExtension(Extension.deltaCRLIndicator) != null) {
            return false;
        }
        Extension scope = crl.getExtension(Extension.issuingDistributionPoint);
        if (scope == null) {
            return true;
        }
        IssuingDistributionPoint point = IssuingDistributionPoint.getInstance(scope.getParsedValue());
        return point.getOnlySomeReasons() == null && !point.isIndirectCRL() && !point.onlyContainsCACerts()
                && !point.onlyContainsAttributeCerts();
    }

    private static boolean removed(X509CRLEntryHolder entry) {
        Extension reason = entry.getExtensions() == null ? null : entry.getExtensions().getExtension(Extension.reasonCode);
        return reason != null
                && CRLReason.getInstance(reason.getParsedValue()).getValue().intValue() == CRLReason.removeFromCRL;
    }
}
