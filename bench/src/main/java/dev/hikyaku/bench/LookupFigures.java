package dev.hikyaku.bench;

/**
 * Cached lookups through {@code RouteAdvisor.check(domain, false)}.
 *
 * @param store   which verdict store served them
 * @param lookups the time of each timed lookup
 * @param misses  lookups the store could not serve (each would have started a new check); 0 when all went well
 */
record LookupFigures(String store, Samples lookups, int misses) {
}
