package dev.hikyaku.app.smime;

import java.security.cert.X509Certificate;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** The short names a person recognises in a certificate: the issuer's common name (or organisation). */
final class CertificateNames {
    private CertificateNames() {
    }

    static String issuer(X509Certificate certificate) {
        String name = certificate.getIssuerX500Principal().getName();
        try {
            String organisation = null;
            for (Rdn rdn : new LdapName(name).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return String.valueOf(rdn.getValue());
                }
                if ("O".equalsIgnoreCase(rdn.getType())) {
                    organisation = String.valueOf(rdn.getValue());
                }
            }
            return organisation == null ? name : organisation;
        } catch (InvalidNameException e) {
            return name;
        }
    }
}
