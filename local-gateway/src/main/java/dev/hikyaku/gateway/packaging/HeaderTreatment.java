package dev.hikyaku.gateway.packaging;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What happens to a copy's To and Cc fields; every other header field stays byte for byte as written. Used by
 * forced BCC: external addresses are taken out of To and Cc, so recipients do not see each other, while the
 * envelope still delivers to them.
 */
public sealed interface HeaderTreatment permits HeaderTreatment.AsWritten, HeaderTreatment.BccOnly,
        HeaderTreatment.PerRecipient {

    /** The addresses to take out of To and Cc, in lower case. */
    Set<String> hidden();

    /** To and Cc as the sender wrote them. */
    record AsWritten() implements HeaderTreatment {
        @Override
        public Set<String> hidden() {
            return Set.of();
        }
    }

    /**
     * The {@code hidden} addresses are taken out of To and Cc (as if the sender had put them in Bcc); a To left
     * empty becomes {@code undisclosed-recipients:;}, a Cc left empty goes.
     *
     * @param hidden the addresses to take out; matched without regard to case
     */
    record BccOnly(Set<String> hidden) implements HeaderTreatment {

        /** Validated treatment, addresses in lower case. */
        public BccOnly {
            hidden = lowerCase(hidden);
        }
    }

    /**
     * The copy for one recipient: the {@code hidden} addresses are taken out of To and Cc, except
     * {@code recipient}'s own, so each recipient sees only itself among them.
     *
     * @param recipient the address this copy goes to
     * @param hidden    the addresses hidden from each other (the recipient may be among them)
     */
    record PerRecipient(String recipient, Set<String> hidden) implements HeaderTreatment {

        /** Validated treatment, addresses in lower case, the recipient no longer among the hidden. */
        public PerRecipient {
            recipient = Objects.requireNonNull(recipient, "recipient").strip().toLowerCase(Locale.ROOT);
            String own = recipient;
            hidden = lowerCase(hidden).stream().filter(address -> !address.equals(own))
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    private static Set<String> lowerCase(Set<String> addresses) {
        return addresses.stream().map(address -> address.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
