package dev.hikyaku.smime.revocation;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * Where a certificate says its revocation is told: OCSP responders from the authority information access extension
 * and CRL distribution points, http URLs only, a few of each (a hostile certificate may name thousands).
 *
 * @param ocsp the OCSP responders, in the certificate's order
 * @param crls the full-CRL distribution points without reasons or a CRL issuer, in the certificate's order
 */
record RevocationPointers(List<URI> ocsp, List<URI> crls) {
    private static final int MAX_EACH = 3;

    RevocationPointers {
        ocsp = List.copyOf(ocsp);
        crls = List.copyOf(crls);
    }

    static RevocationPointers of(X509Certificate certificate) {
        return new RevocationPointers(ocspOf(certificate), crlsOf(certificate));
    }

    boolean isEmpty() {
        return ocsp.isEmpty() && crls.isEmpty();
    }

    private static List<URI> ocspOf(X509Certificate certificate) {
        List<URI> found = new ArrayList<>();
        try {
            byte[] value = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
            if (value == null) {
                return found;
            }
            AuthorityInformationAccess access = AuthorityInformationAccess.getInstance(
                    ASN1OctetString.getInstance(value).getOctets());
            for (AccessDescription description : access.getAccessDescriptions()) {
                if (description.getAccessMethod().equals(AccessDescription.id_ad_ocsp)) {
                    add(found, description.getAccessLocation());
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            // A broken extension names no responder; the CRL may still be named.
        }
        return found;
    }

    private static List<URI> crlsOf(X509Certificate certificate) {
        List<URI> found = new ArrayList<>();
        try {
            byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
            if (value == null) {
                return found;
            }
            for (DistributionPoint point : CRLDistPoint.getInstance(ASN1OctetString.getInstance(value).getOctets())
                    .getDistributionPoints()) {
                // A partitioned or indirect CRL does not cover every revocation of this certificate on its own.
                if (point.getReasons() != null || point.getCRLIssuer() != null || point.getDistributionPoint() == null
                        || point.getDistributionPoint().getType() != DistributionPointName.FULL_NAME) {
                    continue;
                }
                for (GeneralName name : GeneralNames.getInstance(point.getDistributionPoint().getName()).getNames()) {
                    add(found, name);
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            // A broken extension names no distribution point; OCSP may still be named.
        }
        return found;
    }

    private static void add(List<URI> found, GeneralName name) {
        if (found.size() >= MAX_EACH || name.getTagNo() != GeneralName.uniformResourceIdentifier) {
            return;
        }
        try {
            URI uri = new URI(ASN1IA5String.getInstance(name.getName()).getString());
            if (RevocationHttp.fetchable(uri) && !found.contains(uri)) {
                found.add(uri);
            }
        } catch (URISyntaxException e) {
            // Not a URL we can ask.
        }
    }
}
