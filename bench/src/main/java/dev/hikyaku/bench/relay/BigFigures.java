package dev.hikyaku.bench.relay;

/** The outcome of sending the large message through one relay. */
sealed interface BigFigures {
    /**
     * The sink received the message.
     *
     * @param nanos     from smtp-source's start until the sink had counted the message
     * @param sinkBytes size of the sink's copy (its own header lines on top, LF line ends)
     * @param intact    whether the copy's MIME parts equal the ones sent, byte for byte
     */
    record Delivered(long nanos, long sinkBytes, boolean intact) implements BigFigures {
    }

    /** The message could not be measured, and why. */
    record NotMeasured(String reason) implements BigFigures {
    }
}
