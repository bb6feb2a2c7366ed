package dev.hikyaku.bench;

import dev.hikyaku.advisor.route.RecipientDomain;
import dev.hikyaku.advisor.route.RouteAdvisor;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Times {@code check(domain, false)} on domains the advisor's store already holds: the cost of a cached verdict. */
final class CachedLookups {
    /** Timed lookups per store, cycling through the bench domains. */
    static final int LOOKUPS = 100_000;
    /** Untimed lookups first, so the JIT has compiled the lookup path and SQLite's pages are in memory. */
    static final int WARM_UP = 10_000;

    private final List<RecipientDomain> domains;

    CachedLookups(BenchLayout layout) {
        this.domains = layout.domains().stream().map(domain -> RecipientDomain.parse(domain.name())).toList();
    }

    LookupFigures run(String storeName, RouteAdvisor advisor) {
        for (int i = 0; i < WARM_UP; i++) {
            advisor.check(domains.get(i % domains.size()), false).join();
        }
        long[] nanos = new long[LOOKUPS];
        int misses = 0;
        for (int i = 0; i < LOOKUPS; i++) {
            long start = System.nanoTime();
            CompletableFuture<?> lookup = advisor.check(domains.get(i % domains.size()), false);
            nanos[i] = System.nanoTime() - start;
            // A hit completes before check returns; anything else is a miss that went to the network.
            if (!lookup.isDone()) {
                misses++;
                lookup.join();
            }
        }
        return new LookupFigures(storeName, new Samples(nanos), misses);
    }
}
