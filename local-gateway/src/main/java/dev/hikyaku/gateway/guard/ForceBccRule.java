package dev.hikyaku.gateway.guard;

import java.util.Objects;

/**
 * Hides external addresses from each other when To and Cc show too many of them.
 *
 * @param on        the switch
 * @param threshold the most external To/Cc addresses left alone; one more moves them to Bcc
 * @param mode      how the moved addresses are sent
 */
public record ForceBccRule(boolean on, int threshold, BccMode mode) {

    /** How addresses moved to Bcc are sent. */
    public enum BccMode {
        /** One copy per moved recipient, addressed to that recipient alone. */
        PER_RECIPIENT,
        /** One copy for all of them, with the moved addresses taken out of To and Cc. */
        BCC_ONLY
    }

    /** Validated. */
    public ForceBccRule {
        Objects.requireNonNull(mode, "mode");
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
    }
}
