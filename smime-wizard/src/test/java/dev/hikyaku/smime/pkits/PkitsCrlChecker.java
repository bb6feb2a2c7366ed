package dev.hikyaku.smime.pkits;

import dev.hikyaku.smime.revocation.RevocationChecker;
import dev.hikyaku.smime.revocation.RevocationStatus;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateRevokedException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An offline CRL source for the PKITS tests: the JDK's PKIX CRL processing (signature and issuer of the CRL,
 * distribution points, indirect CRLs, the CRL signer's own path and revocation) over the suite's CRL files.
 */
final class PkitsCrlChecker implements RevocationChecker {
    static final String SOURCE = "PKITS CRL files";
    private static final int CRL_SIGN = 6;

    private final TrustAnchor root;
    private final List<X509Certificate> certificates;
    private final List<X509CRL> crls;
    private final CertStore everything;

    PkitsCrlChecker(X509Certificate root, List<X509Certificate> certificates, List<X509CRL> crls) {
        this.root = new TrustAnchor(root, null);
        this.certificates = List.copyOf(certificates);
        this.crls = List.copyOf(crls);
        this.everything = store(crls);
    }

    @Override
    public RevocationStatus check(X509Certificate certificate, X509Certificate issuer, Instant at) {
        try {
            // The issuer is made an anchor of a one-certificate path, so only this certificate's status is asked; the
            // suite's root stays an anchor for the paths of CRL signers other than the issuer (indirect CRLs).
            PKIXParameters parameters = new PKIXParameters(Set.of(root, new TrustAnchor(issuer, null)));
            parameters.setDate(Date.from(at));
            parameters.addCertStore(mayVouchForCrls(issuer) ? everything : store(notSignedBy(issuer)));
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXRevocationChecker crls = (PKIXRevocationChecker) validator.getRevocationChecker();
            crls.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                    PKIXRevocationChecker.Option.NO_FALLBACK));
            parameters.addCertPathChecker(crls);
            validator.validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate)),
                    parameters);
            return new RevocationStatus.Good(SOURCE);
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED
                    && e.getCause() instanceof CertificateRevokedException revoked) {
                return new RevocationStatus.Revoked(SOURCE, revoked.getRevocationDate().toInstant());
            }
            return new RevocationStatus.NotChecked(RevocationStatus.Reason.UNREACHABLE);
        } catch (GeneralSecurityException e) {
            return new RevocationStatus.NotChecked(RevocationStatus.Reason.UNREACHABLE);
        }
    }

    // The JDK takes an anchor's key as fit to sign CRLs whatever its key usage says, and the issuer is an anchor
    // here: so the CRLs a CA without cRLSign signed itself are withheld (PKITS 4.7.4, 4.7.5); CRLs it had another
    // key sign (4.4.19, 4.4.20) stay.
    private static boolean mayVouchForCrls(X509Certificate issuer) {
        boolean[] usage = issuer.getKeyUsage();
        return usage == null || usage.length > CRL_SIGN && usage[CRL_SIGN];
    }

    private List<X509CRL> notSignedBy(X509Certificate issuer) {
        return crls.stream().filter(crl -> !signedBy(crl, issuer)).toList();
    }

    private static boolean signedBy(X509CRL crl, X509Certificate issuer) {
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            crl.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private CertStore store(List<X509CRL> withCrls) {
        Collection<Object> contents = new ArrayList<>(certificates);
        contents.addAll(withCrls);
        try {
            return CertStore.getInstance("Collection", new CollectionCertStoreParameters(contents));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
