package dev.hikyaku.advisor.store;

import dev.hikyaku.advisor.evidence.DomainReport;
import java.time.Instant;
import java.util.Optional;

/** Where judged domains are kept until they expire, shared by the gateway and the app. */
public interface VerdictStore {

    /** The report for {@code domain} if one is stored and still fresh at {@code now}. */
    Optional<DomainReport> find(String domain, Instant now);

    /** Stores {@code report}, replacing any older one for its domain, fresh until {@code expiresAt}. */
    void save(DomainReport report, Instant expiresAt);
}
