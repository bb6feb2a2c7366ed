package dev.hikyaku.advisor.dane;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One TLSA record's certificate association (RFC 6698 section 2.1), as published at {@code _25._tcp.<mx>}.
 *
 * @param usage        0 PKIX-TA, 1 PKIX-EE, 2 DANE-TA, 3 DANE-EE
 * @param selector     0 full certificate, 1 SubjectPublicKeyInfo
 * @param matchingType 0 exact, 1 SHA-256, 2 SHA-512
 * @param data         the association data
 */
public record TlsaAssociation(int usage, int selector, int matchingType, byte[] data) {
    /** Usage DANE-TA: a trust anchor the server's chain must lead to. */
    public static final int DANE_TA = 2;
    /** Usage DANE-EE: the server's own certificate or key. */
    public static final int DANE_EE = 3;

    /** Defensive copy: the bytes came from the network and must not change under us. */
    public TlsaAssociation {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /**
     * Whether SMTP may use this record: RFC 7672 section 3.1.3 makes PKIX-TA/PKIX-EE unusable for SMTP, and
     * unknown selectors or matching types are unusable everywhere.
     */
    public boolean usableForSmtp() {
        return (usage == DANE_TA || usage == DANE_EE) && (selector == 0 || selector == 1)
                && matchingType >= 0 && matchingType <= 2;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TlsaAssociation that && usage == that.usage && selector == that.selector
                && matchingType == that.matchingType && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * usage + selector) + matchingType) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return usage + " " + selector + " " + matchingType + " " + HexFormat.of().formatHex(data);
    }
}
