package dev.hikyaku.gateway.delivery;

/** STUB until the delivery package lands. */
public sealed interface RecipientOutcome {
    /** STUB. */
    record Accepted(String reply) implements RecipientOutcome {
    }

    /** STUB. */
    record Deferred(String reason, boolean needsCredentials) implements RecipientOutcome {
    }

    /** STUB. */
    record Rejected(int code, String enhanced, String text) implements RecipientOutcome {
        /** STUB. */
        public String describe() {
            return code + " " + enhanced + " " + text;
        }
    }
}
