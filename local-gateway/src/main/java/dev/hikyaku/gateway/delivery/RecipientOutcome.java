package dev.hikyaku.gateway.delivery;

import java.util.Objects;

/** What became of one recipient of a delivery. */
public sealed interface RecipientOutcome {

    /**
     * The upstream took responsibility for the message for this recipient.
     *
     * @param reply the upstream's reply to the end of DATA, e.g. {@code 250 2.0.0 Ok: queued as 4F2A}
     */
    record Accepted(String reply) implements RecipientOutcome {

        /** Validated. */
        public Accepted {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /**
     * Not delivered this time; worth trying again later (4xx replies, network and TLS problems, missing or
     * refused credentials).
     *
     * @param reason           what went wrong, for the user and the log
     * @param needsCredentials whether trying again only helps once the user (re)enters credentials
     */
    record Deferred(UpstreamProblem reason, boolean needsCredentials) implements RecipientOutcome {

        /** Validated. */
        public Deferred {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Refused for good (5xx replies, or a message Hikyaku will not send); the sender should be told.
     *
     * @param code     the reply code, 500 to 599
     * @param enhanced the enhanced status code such as {@code 5.1.1}, or empty when there was none
     * @param text     the reply text, printable US-ASCII
     */
    record Rejected(int code, String enhanced, String text) implements RecipientOutcome {

        /** Validated. */
        public Rejected {
            if (code < 500 || code > 599) {
                throw new IllegalArgumentException("a rejection has a 5xx code, not " + code);
            }
            Objects.requireNonNull(enhanced, "enhanced");
            Objects.requireNonNull(text, "text");
        }
    }
}
