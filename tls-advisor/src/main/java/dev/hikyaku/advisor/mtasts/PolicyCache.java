package dev.hikyaku.advisor.mtasts;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** MTA-STS policies by domain, kept for their max_age. */
public final class PolicyCache {
    private final ConcurrentMap<String, CachedPolicy> policies = new ConcurrentHashMap<>();

    /** The cached policy of {@code domain}, expired or not (the caller decides with its clock). */
    public Optional<CachedPolicy> find(String domain) {
        return Optional.ofNullable(policies.get(domain));
    }

    /** Keeps {@code policy} for {@code domain}. */
    public void save(String domain, CachedPolicy policy) {
        policies.put(domain, policy);
    }
}
