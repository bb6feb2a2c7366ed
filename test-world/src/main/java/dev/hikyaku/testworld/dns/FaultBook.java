package dev.hikyaku.testworld.dns;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.Name;

/** The fault switches set on one zone; the latest switch that matches wins. */
final class FaultBook {

    private record Entry(FaultScope scope, Fault fault) {}

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    void set(FaultScope scope, Fault fault) {
        entries.add(new Entry(scope, fault));
    }

    void clear() {
        entries.clear();
    }

    /** The SERVFAIL or DROP switch that a query for {@code name}/{@code type} runs into, if any. */
    Optional<Fault> exchangeFault(Name name, int type) {
        return latest(name, type, false);
    }

    /** The signature fault that applies to the RRset {@code name}/{@code type}, if any. */
    Optional<Fault> signatureFault(Name name, int type) {
        return latest(name, type, true);
    }

    private Optional<Fault> latest(Name name, int type, boolean signatures) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(i);
            if (entry.fault().spoilsSignatures() == signatures && entry.scope().covers(name, type)) {
                return Optional.of(entry.fault());
            }
        }
        return Optional.empty();
    }
}
