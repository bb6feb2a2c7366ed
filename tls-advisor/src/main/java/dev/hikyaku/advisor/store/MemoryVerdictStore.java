package dev.hikyaku.advisor.store;

import dev.hikyaku.advisor.evidence.DomainReport;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link VerdictStore} in memory, for one run of the CLI without a cache file. */
public final class MemoryVerdictStore implements VerdictStore {
    private record Entry(DomainReport report, Instant expiresAt) {
    }

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<DomainReport> find(String domain, Instant now) {
        Entry entry = entries.get(domain);
        return entry != null && entry.expiresAt().isAfter(now) ? Optional.of(entry.report()) : Optional.empty();
    }

    @Override
    public void save(DomainReport report, Instant expiresAt) {
        entries.put(report.domain(), new Entry(report, expiresAt));
    }
}
