package dev.hikyaku.bench;

import java.util.Arrays;

/**
 * Durations of repeated runs of one operation, in nanoseconds, with the statistics the report prints. A class,
 * not a record, because it keeps a sorted private copy of an array.
 */
final class Samples {
    private final long[] nanos;

    /** Copies and sorts {@code nanos}; at least one sample. */
    Samples(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        this.nanos = nanos.clone();
        Arrays.sort(this.nanos);
    }

    int count() {
        return nanos.length;
    }

    double meanNanos() {
        return (double) sumNanos() / nanos.length;
    }

    long sumNanos() {
        return Arrays.stream(nanos).sum();
    }

    long medianNanos() {
        return percentileNanos(50);
    }

    long maxNanos() {
        return nanos[nanos.length - 1];
    }

    /** The nearest-rank percentile: the smallest sample at or above {@code percent} of all samples. */
    long percentileNanos(double percent) {
        int rank = (int) Math.ceil(percent / 100 * nanos.length);
        return nanos[Math.max(0, rank - 1)];
    }
}
