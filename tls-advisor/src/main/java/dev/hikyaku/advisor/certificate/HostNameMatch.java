package dev.hikyaku.advisor.certificate;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Whether a server certificate names a host, as RFC 6125 and RFC 7672 section 3.2.3 describe for SMTP: DNS
 * subjectAltNames with a wildcard only as the whole leftmost label; the subject CN only when there is no
 * DNS subjectAltName at all.
 */
public final class HostNameMatch {
    private static final int SAN_DNS_NAME = 2;

    private HostNameMatch() {
    }

    /** True when {@code certificate} is issued for {@code host}. */
    public static boolean matches(X509Certificate certificate, String host) {
        String wanted = comparable(host);
        List<String> dnsNames = dnsNames(certificate);
        if (dnsNames.isEmpty()) {
            return commonNames(certificate).stream().anyMatch(name -> nameMatches(comparable(name), wanted));
        }
        return dnsNames.stream().anyMatch(name -> nameMatches(comparable(name), wanted));
    }

    /** The DNS names a certificate is issued for (subjectAltName dNSName entries). */
    public static List<String> dnsNames(X509Certificate certificate) {
        Collection<List<?>> entries;
        try {
            entries = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return List.of();
        }
        if (entries == null) {
            return List.of();
        }
        return entries.stream()
                .filter(entry -> entry.size() >= 2 && Integer.valueOf(SAN_DNS_NAME).equals(entry.get(0)))
                .map(entry -> String.valueOf(entry.get(1)))
                .toList();
    }

    private static List<String> commonNames(X509Certificate certificate) {
        try {
            return new LdapName(certificate.getSubjectX500Principal().getName()).getRdns().stream()
                    .filter(rdn -> rdn.getType().equalsIgnoreCase("CN"))
                    .map(Rdn::getValue)
                    .map(String::valueOf)
                    .toList();
        } catch (InvalidNameException e) {
            return List.of();
        }
    }

    private static boolean nameMatches(String presented, String wanted) {
        if (presented.startsWith("*.")) {
            int firstDot = wanted.indexOf('.');
            // "*.example.com" must not match "example.com" or a bare TLD; it covers exactly one label.
            return firstDot > 0 && presented.indexOf('.', 2) > 0 && wanted.substring(firstDot).equals(presented.substring(1));
        }
        return !presented.contains("*") && presented.equals(wanted);
    }

    private static String comparable(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
