package dev.hikyaku.testworld.smtp;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the connections an MX accepted and the most it held open at once. */
final class ConnectionCounter {

    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    /** Counts a new connection and returns its number, starting at 1. */
    int opened() {
        peak.accumulateAndGet(open.incrementAndGet(), Math::max);
        return total.incrementAndGet();
    }

    void closed() {
        open.decrementAndGet();
    }

    int total() {
        return total.get();
    }

    int open() {
        return open.get();
    }

    int peak() {
        return peak.get();
    }
}
