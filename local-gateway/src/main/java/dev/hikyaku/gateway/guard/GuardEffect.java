package dev.hikyaku.gateway.guard;

import dev.hikyaku.gateway.guard.ForceBccRule.BccMode;
import dev.hikyaku.gateway.guard.confirm.ConfirmItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What a fired rule asks the gateway to do with the message. */
public sealed interface GuardEffect {

    /**
     * Do not deliver: send the message back to its sender with the reason.
     *
     * @param rule the refusal rule that hit
     */
    record Refuse(GuardRule rule) implements GuardEffect {
        /** Validated. */
        public Refuse {
            if (!rule.refuses()) {
                throw new IllegalArgumentException(rule + " is not a refusal rule");
            }
        }
    }

    /**
     * Take these To/Cc addresses out of the visible headers and tell the sender so.
     *
     * @param mode  one copy per moved recipient, or one copy with them in Bcc only
     * @param moved the external To/Cc addresses, in header order
     */
    record ForceBcc(BccMode mode, List<String> moved) implements GuardEffect {
        /** Validated. */
        public ForceBcc {
            Objects.requireNonNull(mode, "mode");
            moved = List.copyOf(moved);
        }
    }

    /**
     * Wait until the sender has ticked each item.
     *
     * @param items each external recipient and each attached file, in that order
     */
    record RequireConfirmation(List<ConfirmItem> items) implements GuardEffect {
        /** Unmodifiable list. */
        public RequireConfirmation {
            items = List.copyOf(items);
        }
    }

    /**
     * Keep the message (or its external part) back until {@code until}; send-now and cancel work meanwhile.
     *
     * @param until when it may leave
     * @param scope every recipient, or only the external ones
     */
    record Hold(Instant until, GuardScope scope) implements GuardEffect {
        /** Validated. */
        public Hold {
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(scope, "scope");
        }
    }

    /**
     * Send to internal and partner recipients first and to external ones at {@code externalAt}, cancellable until then.
     *
     * @param delay      how long after the internal part the external part leaves
     * @param externalAt when the external part leaves
     * @param immediate  the internal and partner recipients
     * @param later      the external recipients
     */
    record Stage(Duration delay, Instant externalAt, List<String> immediate, List<String> later) implements GuardEffect {
        /** Validated. */
        public Stage {
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(externalAt, "externalAt");
            immediate = List.copyOf(immediate);
            later = List.copyOf(later);
        }
    }
}
