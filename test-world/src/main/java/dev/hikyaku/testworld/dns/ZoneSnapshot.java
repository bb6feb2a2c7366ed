package dev.hikyaku.testworld.dns;

import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/**
 * An immutable view of a zone's RRsets in DNSSEC canonical order, signed (with NSEC chain and
 * RRSIGs attached to each RRset) or not, as answers are built from it.
 *
 * @param nodes owner name to RRsets by type; never modified after construction
 * @param key the signing key, empty for an unsigned zone
 * @param validFrom inception of the signatures; {@link Instant#MIN} for an unsigned zone
 * @param validUntil expiration of the signatures; {@link Instant#MAX} for an unsigned zone
 */
record ZoneSnapshot(
        Name origin,
        NavigableMap<Name, Map<Integer, RRset>> nodes,
        Optional<ZoneKey> key,
        Instant validFrom,
        Instant validUntil) {

    boolean signed() {
        return key.isPresent();
    }

    /** The RRsets at {@code name}, empty when nothing is owned there. */
    Map<Integer, RRset> node(Name name) {
        return nodes.getOrDefault(name, Map.of());
    }

    /** Whether {@code name} exists, either owning RRsets or as an empty non-terminal. */
    boolean exists(Name name) {
        if (nodes.containsKey(name)) {
            return true;
        }
        // In canonical order every descendant follows its ancestor directly.
        Name next = nodes.higherKey(name);
        return next != null && next.subdomain(name);
    }

    RRset soa() {
        return nodes.get(origin).get(Type.SOA);
    }

    /** The nearest existing ancestor of a name that does not exist (RFC 4592 closest encloser). */
    Name closestEncloser(Name missing) {
        Name candidate = missing;
        while (!exists(candidate)) {
            candidate = new Name(candidate, 1);
        }
        return candidate;
    }

    /** The NSEC RRset at the owner name that precedes {@code name} in the chain, covering it. */
    RRset coveringNsec(Name name) {
        Name owner = nodes.lowerKey(name);
        if (owner == null) {
            owner = nodes.lastKey();
        }
        return nodes.get(owner).get(Type.NSEC);
    }
}
