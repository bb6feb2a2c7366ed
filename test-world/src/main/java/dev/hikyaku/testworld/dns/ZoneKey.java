package dev.hikyaku.testworld.dns;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;

/**
 * The single signing key (a CSK: KSK and ZSK in one) of a signed zone, ECDSA P-256 because it is
 * generated in milliseconds.
 */
record ZoneKey(DNSKEYRecord dnskey, PrivateKey privateKey) {

    static final long KEY_TTL = 3600;

    static ZoneKey generate(Name origin) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            DNSKEYRecord dnskey =
                    new DNSKEYRecord(
                            origin,
                            DClass.IN,
                            KEY_TTL,
                            DNSKEYRecord.Flags.ZONE_KEY | DNSKEYRecord.Flags.SEP_KEY,
                            DNSKEYRecord.Protocol.DNSSEC,
                            DNSSEC.Algorithm.ECDSAP256SHA256,
                            pair.getPublic());
            return new ZoneKey(dnskey, pair.getPrivate());
        } catch (GeneralSecurityException | DNSSEC.DNSSECException e) {
            throw new IllegalStateException("cannot make an ECDSA P-256 zone key", e);
        }
    }

    /** The DS record a parent would publish; here it is the zone's trust anchor. */
    DSRecord ds() {
        return new DSRecord(dnskey.getName(), DClass.IN, KEY_TTL, DNSSEC.Digest.SHA256, dnskey);
    }
}
