package dev.hikyaku.bench.relay;

import dev.hikyaku.bench.Samples;

/** The outcome of the timed loads through one relay. */
sealed interface LoadFigures {
    /**
     * Every message of every round reached the sink.
     *
     * @param messages  messages per round
     * @param submitted per round, from smtp-source's start until it exited: the relay had accepted every message
     * @param delivered per round, from smtp-source's start until the sink had counted every message
     */
    record Measured(int messages, Samples submitted, Samples delivered) implements LoadFigures {
        /** Messages per second end to end (submission, relay, delivery) in the median round. */
        double medianMessagesPerSecond() {
            return perSecond(delivered.medianNanos());
        }

        double slowestMessagesPerSecond() {
            return perSecond(delivered.maxNanos());
        }

        double fastestMessagesPerSecond() {
            return perSecond(delivered.minNanos());
        }

        private double perSecond(long nanos) {
            return messages / (nanos / 1e9);
        }
    }

    /** The load could not be measured, and why. */
    record NotMeasured(String reason) implements LoadFigures {
    }
}
