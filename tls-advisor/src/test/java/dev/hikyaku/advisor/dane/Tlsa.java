package dev.hikyaku.advisor.dane;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;

/** Builds the TLSA record a domain would publish for a certificate, computing its association data. */
final class Tlsa {
    private Tlsa() {
    }

    static TlsaAssociation of(int usage, int selector, int matchingType, X509Certificate certificate) throws Exception {
        byte[] selected = selector == 0 ? certificate.getEncoded() : certificate.getPublicKey().getEncoded();
        byte[] data = switch (matchingType) {
            case 0 -> selected;
            case 1 -> MessageDigest.getInstance("SHA-256").digest(selected);
            case 2 -> MessageDigest.getInstance("SHA-512").digest(selected);
            default -> throw new IllegalArgumentException("matching type " + matchingType);
        };
        return new TlsaAssociation(usage, selector, matchingType, data);
    }
}
