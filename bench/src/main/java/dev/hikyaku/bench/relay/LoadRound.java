package dev.hikyaku.bench.relay;

/** One timed load through one relay. */
sealed interface LoadRound {
    /**
     * Every message arrived.
     *
     * @param submittedNanos from smtp-source's start until it exited
     * @param deliveredNanos from smtp-source's start until the sink had counted every message
     */
    record Timed(long submittedNanos, long deliveredNanos) implements LoadRound {
    }

    /** Not every message arrived, and why. */
    record Failed(String reason) implements LoadRound {
    }
}
