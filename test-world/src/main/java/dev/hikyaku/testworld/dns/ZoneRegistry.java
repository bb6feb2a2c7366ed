package dev.hikyaku.testworld.dns;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.Name;

/** The zones a world serves, and which of them is responsible for a name (the deepest origin). */
final class ZoneRegistry {

    private final Map<Name, Zone> zones = new ConcurrentHashMap<>();

    void register(Zone zone) {
        if (zones.putIfAbsent(zone.origin(), zone) != null) {
            throw new IllegalArgumentException("zone " + zone.origin() + " already exists");
        }
    }

    Optional<Zone> responsibleFor(Name name) {
        for (Name candidate = name; ; candidate = new Name(candidate, 1)) {
            Zone zone = zones.get(candidate);
            if (zone != null) {
                return Optional.of(zone);
            }
            if (candidate.labels() <= 1) {
                return Optional.empty();
            }
        }
    }

    List<Zone> all() {
        return List.copyOf(zones.values());
    }
}
