package dev.hikyaku.advisor.dane;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import dev.hikyaku.advisor.certificate.HostNameMatch;
import javax.security.auth.x500.X500Principal;

/**
 * Checks a server's certificate chain against TLSA records as RFC 7672 prescribes for SMTP: DANE-EE matches
 * the leaf alone (no name or expiry check); DANE-TA matches a certificate of the presented chain, which must
 * then sign down to the leaf, be in date, and name the MX host.
 */
public final class DaneVerifier {
    private final Clock clock;

    /** A verifier judging validity periods at the clock's instant. */
    public DaneVerifier(Clock clock) {
        this.clock = clock;
    }

    /**
     * Verifies {@code chain} (leaf first, as the server sent it) for {@code mxHost} against {@code records},
     * which the caller has already proved DNSSEC-secure.
     */
    public DaneOutcome verify(List<TlsaAssociation> records, List<X509Certificate> chain, String mxHost) {
        List<TlsaAssociation> usable = records.stream().filter(TlsaAssociation::usableForSmtp).toList();
        if (usable.isEmpty()) {
            return new DaneOutcome.NoUsableRecords();
        }
        if (chain.isEmpty()) {
            return new DaneOutcome.Mismatch("the server presented no certificate");
        }
        String lastFault = "no TLSA record matches the server's certificates";
        for (TlsaAssociation record : usable) {
            if (record.usage() == TlsaAssociation.DANE_EE) {
                if (matches(record, chain.get(0))) {
                    return new DaneOutcome.Matched(record);
                }
                continue;
            }
            for (int anchor = 0; anchor < chain.size(); anchor++) {
                if (matches(record, chain.get(anchor))) {
                    Optional<String> fault = pathFault(chain.subList(0, anchor + 1), mxHost);
                    if (fault.isEmpty()) {
                        return new DaneOutcome.Matched(record);
                    }
                    lastFault = fault.get();
                }
            }
        }
        return new DaneOutcome.Mismatch(lastFault);
    }

    private static boolean matches(TlsaAssociation record, X509Certificate certificate) {
        byte[] selected;
        try {
            selected = record.selector() == 0 ? certificate.getEncoded() : certificate.getPublicKey().getEncoded();
        } catch (CertificateEncodingException e) {
            return false;
        }
        byte[] expected = record.data();
        return switch (record.matchingType()) {
            case 0 -> MessageDigest.isEqual(selected, expected);
            case 1 -> MessageDigest.isEqual(digest("SHA-256", selected), expected);
            case 2 -> MessageDigest.isEqual(digest("SHA-512", selected), expected);
            default -> false;
        };
    }

    /** Checks the path from the leaf up to the matched anchor: signatures, issuer names, validity, host name. */
    private Optional<String> pathFault(List<X509Certificate> path, String mxHost) {
        Date now = Date.from(clock.instant());
        for (int i = 0; i < path.size() - 1; i++) {
            X509Certificate child = path.get(i);
            X509Certificate issuer = path.get(i + 1);
            X500Principal expectedIssuer = issuer.getSubjectX500Principal();
            if (!child.getIssuerX500Principal().equals(expectedIssuer)) {
                return Optional.of("certificate " + i + " of the chain is not issued by the next one");
            }
            try {
                child.verify(issuer.getPublicKey());
            } catch (GeneralSecurityException e) {
                return Optional.of("certificate " + i + " of the chain is not signed by the next one");
            }
            if (issuer.getBasicConstraints() < 0) {
                return Optional.of("certificate " + (i + 1) + " of the chain is not a CA");
            }
        }
        // The trust anchor's own dates do not count (RFC 7671 section 5.2.2); those below it must be in date.
        for (int i = 0; i < path.size() - 1; i++) {
            try {
                path.get(i).checkValidity(now);
            } catch (GeneralSecurityException e) {
                return Optional.of("certificate " + i + " of the chain is expired or not yet valid");
            }
        }
        if (!HostNameMatch.matches(path.get(0), mxHost)) {
            return Optional.of("the server certificate does not name " + mxHost);
        }
        return Optional.empty();
    }

    private static byte[] digest(String algorithm, byte[] input) {
        try {
            return MessageDigest.getInstance(algorithm).digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java platform", e);
        }
    }
}
