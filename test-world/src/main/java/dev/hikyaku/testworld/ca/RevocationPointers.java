package dev.hikyaku.testworld.ca;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * Where a fixture certificate says its revocation is told: an OCSP responder in the authority information access
 * extension (RFC 5280 4.2.2.1) and CRL distribution points (4.2.1.13).
 *
 * @param ocsp the OCSP responder, if any
 * @param crls the CRL distribution points, in order
 */
public record RevocationPointers(Optional<URI> ocsp, List<URI> crls) {
    /** No pointers: the certificate names no revocation source. */
    public static final RevocationPointers NONE = new RevocationPointers(Optional.empty(), List.of());

    /** Copies the list. */
    public RevocationPointers {
        crls = List.copyOf(crls);
    }

    /** Only an OCSP responder. */
    public static RevocationPointers ocsp(URI responder) {
        return new RevocationPointers(Optional.of(responder), List.of());
    }

    /** Only CRL distribution points. */
    public static RevocationPointers crl(URI... points) {
        return new RevocationPointers(Optional.empty(), List.of(points));
    }

    /** Both an OCSP responder and CRL distribution points. */
    public static RevocationPointers both(URI responder, URI... points) {
        return new RevocationPointers(Optional.of(responder), List.of(points));
    }

    List<Extension> extensions() {
        List<Extension> extensions = new ArrayList<>();
        ocsp.ifPresent(responder -> extensions.add(CertificateMinter.extension(Extension.authorityInfoAccess, false,
                new AuthorityInformationAccess(new AccessDescription(AccessDescription.id_ad_ocsp, uri(responder))))));
        if (!crls.isEmpty()) {
            DistributionPoint[] points = crls.stream()
                    .map(point -> new DistributionPoint(new DistributionPointName(new GeneralNames(uri(point))), null, null))
                    .toArray(DistributionPoint[]::new);
            extensions.add(CertificateMinter.extension(Extension.cRLDistributionPoints, false, new CRLDistPoint(points)));
        }
        return extensions;
    }

    private static GeneralName uri(URI uri) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, uri.toString());
    }
}
