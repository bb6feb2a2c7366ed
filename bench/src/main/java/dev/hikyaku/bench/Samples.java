package dev.hikyaku.bench;

import java.util.Arrays;

/**
 * Durations of repeated runs of one operation, in nanoseconds, with the statistics the report prints. A class,
 * not a record, because it keeps a sorted private copy of an array.
 */
public final class Samples {
    private final long[] nanos;

    /** Copies and sorts {@code nanos}; at least one sample. */
    public Samples(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        this.nanos = nanos.clone();
        Arrays.sort(this.nanos);
    }

    public int count() {
        return nanos.length;
    }

    public double meanNanos() {
        return (double) sumNanos() / nanos.length;
    }

    public long sumNanos() {
        return Arrays.stream(nanos).sum();
    }

    public long medianNanos() {
        return percentileNanos(50);
    }

    public long minNanos() {
        return nanos[0];
    }

    public long maxNanos() {
        return nanos[nanos.length - 1];
    }

    /** The nearest-rank percentile: the smallest sample at or above {@code percent} of all samples. */
    public long percentileNanos(double percent) {
        int rank = (int) Math.ceil(percent / 100 * nanos.length);
        return nanos[Math.max(0, rank - 1)];
    }
}
