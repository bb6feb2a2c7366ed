package dev.hikyaku.testworld.dns;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/** Turns a zone's RRsets into a signed snapshot: DNSKEY at the apex, an NSEC chain, RRSIGs. */
final class ZoneSigner {

    /** Inception in the past, so validators whose clocks lag a little still accept. */
    static final Duration INCEPTION_SLACK = Duration.ofHours(1);

    static final Duration VALIDITY = Duration.ofDays(14);

    private ZoneSigner() {}

    static ZoneSnapshot sign(
            Name origin, NavigableMap<Name, Map<Integer, RRset>> unsigned, ZoneKey key, Instant now) {
        NavigableMap<Name, Map<Integer, RRset>> nodes = copy(unsigned);
        nodes.get(origin).put(Type.DNSKEY, new RRset(key.dnskey()));
        // RFC 4035 2.3: NSEC TTL is the SOA MINIMUM, like any negative answer.
        long nsecTtl = ((SOARecord) nodes.get(origin).get(Type.SOA).first()).getMinimum();
        addNsecChain(nodes, nsecTtl);

        Instant inception = now.minus(INCEPTION_SLACK);
        Instant expiration = now.plus(VALIDITY);
        for (Map<Integer, RRset> node : nodes.values()) {
            for (RRset rrset : node.values()) {
                rrset.addRR(signature(rrset, key, inception, expiration));
            }
        }
        return new ZoneSnapshot(origin, nodes, Optional.of(key), inception, expiration);
    }

    static RRSIGRecord signature(RRset rrset, ZoneKey key, Instant inception, Instant expiration) {
        try {
            return DNSSEC.sign(rrset, key.dnskey(), key.privateKey(), inception, expiration);
        } catch (DNSSEC.DNSSECException e) {
            throw new IllegalStateException("cannot sign " + rrset.getName() + "/"
                    + Type.string(rrset.getType()), e);
        }
    }

    private static void addNsecChain(NavigableMap<Name, Map<Integer, RRset>> nodes, long ttl) {
        List<Name> owners = new ArrayList<>(nodes.keySet());
        for (int i = 0; i < owners.size(); i++) {
            Name owner = owners.get(i);
            Name next = owners.get((i + 1) % owners.size());
            Map<Integer, RRset> node = nodes.get(owner);
            int[] types = new int[node.size() + 2];
            int t = 0;
            for (int type : node.keySet()) {
                types[t++] = type;
            }
            types[t++] = Type.NSEC;
            types[t] = Type.RRSIG;
            node.put(Type.NSEC, new RRset(new NSECRecord(owner, DClass.IN, ttl, next, types)));
        }
    }

    /** A deep copy, because signing attaches RRSIGs to the RRsets it holds. */
    static NavigableMap<Name, Map<Integer, RRset>> copy(
            NavigableMap<Name, Map<Integer, RRset>> source) {
        NavigableMap<Name, Map<Integer, RRset>> copy = new TreeMap<>();
        source.forEach(
                (name, node) -> {
                    Map<Integer, RRset> types = new LinkedHashMap<>();
                    node.forEach((type, rrset) -> types.put(type, new RRset(rrset)));
                    copy.put(name, types);
                });
        return copy;
    }
}
