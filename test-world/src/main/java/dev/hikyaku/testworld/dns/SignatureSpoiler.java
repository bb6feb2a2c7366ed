package dev.hikyaku.testworld.dns;

import java.time.Duration;
import java.time.Instant;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;

/** Makes the bogus RRSIGs that the signature faults ask for. */
final class SignatureSpoiler {

    private SignatureSpoiler() {}

    static RRSIGRecord spoil(Fault fault, RRSIGRecord sig, RRset rrset, ZoneKey key, Instant now) {
        return switch (fault) {
            case CORRUPT_SIGNATURES -> corrupted(sig);
            case EXPIRED_SIGNATURES -> expired(rrset, key, now);
            case SERVFAIL, DROP -> throw new IllegalArgumentException(fault + " is not a signature fault");
        };
    }

    private static RRSIGRecord corrupted(RRSIGRecord sig) {
        byte[] signature = sig.getSignature().clone();
        // Flipping bits in the middle keeps the length (and so the wire format) valid.
        signature[signature.length / 2] ^= (byte) 0xff;
        return new RRSIGRecord(
                sig.getName(),
                sig.getDClass(),
                sig.getTTL(),
                sig.getTypeCovered(),
                sig.getAlgorithm(),
                sig.getOrigTTL(),
                sig.getExpire(),
                sig.getTimeSigned(),
                sig.getFootprint(),
                sig.getSigner(),
                signature);
    }

    private static RRSIGRecord expired(RRset rrset, ZoneKey key, Instant now) {
        RRset unsigned = new RRset();
        for (Record record : rrset.rrs(false)) {
            unsigned.addRR(record);
        }
        return ZoneSigner.signature(
                unsigned, key, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
    }
}
