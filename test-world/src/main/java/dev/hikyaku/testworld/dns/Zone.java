package dev.hikyaku.testworld.dns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * One zone the world serves: records added as zone-file lines or dnsjava {@link Record}s, signed
 * with its own key when it is a signed zone, and its fault switches.
 */
public final class Zone {

    /** TTL for zone-file lines that give none. */
    public static final long DEFAULT_TTL = 3600;

    /** Signatures are renewed this long before they expire, so no answer carries a dying one. */
    private static final Duration RENEW_BEFORE = Duration.ofDays(1);

    private final Name origin;
    private final Optional<ZoneKey> key;
    private final Clock clock;
    private final FaultBook faults = new FaultBook();

    /** Guarded by {@code this}. */
    private final NavigableMap<Name, Map<Integer, RRset>> records = new TreeMap<>();

    /** Guarded by {@code this}; null when records changed since the last snapshot. */
    private ZoneSnapshot snapshot;

    Zone(Name origin, Optional<ZoneKey> key, Clock clock) {
        this.origin = origin;
        this.key = key;
        this.clock = clock;
        add("@ IN SOA ns1 hostmaster 1 3600 600 604800 300");
        add("@ IN NS ns1");
    }

    /** The zone's apex, absolute. */
    public Name origin() {
        return origin;
    }

    /** Whether answers from this zone carry DNSSEC signatures. */
    public boolean isSigned() {
        return key.isPresent();
    }

    /**
     * Adds one record in zone-file syntax, names relative to the origin ({@code @} is the apex), TTL
     * optional (default {@value #DEFAULT_TTL}), e.g. {@code "@ 300 IN MX 10 mx1"}. An SOA replaces the
     * zone's SOA.
     */
    public Zone add(String zoneFileLine) {
        return add(ZoneFileLine.parse(zoneFileLine, origin, DEFAULT_TTL));
    }

    /** Adds one record, whose owner must be at or below the origin. */
    public synchronized Zone add(Record record) {
        if (!record.getName().subdomain(origin)) {
            throw new IllegalArgumentException(record.getName() + " is outside zone " + origin);
        }
        if (record.getDClass() != DClass.IN) {
            throw new IllegalArgumentException("only class IN is served: " + record);
        }
        if (record.getType() == Type.RRSIG || record.getType() == Type.NSEC
                || record.getType() == Type.DNSKEY) {
            throw new IllegalArgumentException("signing records are made by the zone itself: " + record);
        }
        Map<Integer, RRset> node = records.computeIfAbsent(record.getName(), n -> new LinkedHashMap<>());
        if (record.getType() == Type.SOA) {
            node.remove(Type.SOA);
        }
        node.computeIfAbsent(record.getType(), t -> new RRset()).addRR(record);
        snapshot = null;
        return this;
    }

    /**
     * The trust anchor for this island of security, as one DS line in zone-file syntax that
     * {@code ValidatingResolver.loadTrustAnchors} reads.
     *
     * @throws IllegalStateException for an unsigned zone
     */
    public String trustAnchor() {
        return key.orElseThrow(() -> new IllegalStateException(origin + " is not signed"))
                .ds()
                .toString();
    }

    /** Switches a fault on for every query and RRset of the zone. */
    public Zone fail(Fault fault) {
        faults.set(new FaultScope.WholeZone(), fault);
        return this;
    }

    /** Switches a fault on for one owner name (relative to the origin or absolute), any type. */
    public Zone fail(String name, Fault fault) {
        faults.set(new FaultScope.OneName(absolute(name)), fault);
        return this;
    }

    /** Switches a fault on for one RRset, e.g. {@code fail("_25._tcp.mx1", Type.TLSA, ...)}. */
    public Zone fail(String name, int type, Fault fault) {
        faults.set(new FaultScope.OneRRset(absolute(name), type), fault);
        return this;
    }

    /** Switches every fault of this zone off. */
    public Zone heal() {
        faults.clear();
        return this;
    }

    FaultBook faults() {
        return faults;
    }

    Clock clock() {
        return clock;
    }

    /** The current view, re-signed when records changed or the signatures near their end. */
    synchronized ZoneSnapshot snapshot() {
        Instant now = clock.instant();
        if (snapshot == null
                || now.isBefore(snapshot.validFrom())
                || now.isAfter(snapshot.validUntil().minus(RENEW_BEFORE))) {
            snapshot =
                    key.map(k -> ZoneSigner.sign(origin, records, k, now))
                            .orElseGet(
                                    () ->
                                            new ZoneSnapshot(
                                                    origin, ZoneSigner.copy(records), Optional.empty(), Instant.MIN,
                                                    Instant.MAX));
        }
        return snapshot;
    }

    private Name absolute(String name) {
        try {
            return name.equals("@") ? origin : Name.fromString(name, origin);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a domain name: " + name, e);
        }
    }
}
