package dev.hikyaku.gateway.delivery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one delivery attempt achieved.
 *
 * @param outcomes       the outcome for every distinct recipient, in the order of the request
 * @param requireTlsUsed whether MAIL FROM carried REQUIRETLS (asked for, and offered by the upstream)
 */
public record DeliveryReport(Map<String, RecipientOutcome> outcomes, boolean requireTlsUsed) {

    /** Unmodifiable copy that keeps the order. */
    public DeliveryReport {
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("a report covers at least one recipient");
        }
        outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
    }

    /** The same outcome for every recipient. */
    static DeliveryReport forAll(List<String> recipients, RecipientOutcome outcome) {
        Map<String, RecipientOutcome> outcomes = new LinkedHashMap<>();
        recipients.forEach(recipient -> outcomes.put(recipient, outcome));
        return new DeliveryReport(outcomes, false);
    }

    /** The outcome for the recipient; throws for an address that was not in the request. */
    public RecipientOutcome outcome(String recipient) {
        RecipientOutcome outcome = outcomes.get(recipient);
        if (outcome == null) {
            throw new IllegalArgumentException("not a recipient of this delivery: " + recipient);
        }
        return outcome;
    }

    /** Whether the upstream accepted the message for every recipient. */
    public boolean allAccepted() {
        return outcomes.values().stream().allMatch(RecipientOutcome.Accepted.class::isInstance);
    }

    /** The recipients whose outcome is of the kind, e.g. {@code RecipientOutcome.Deferred.class}, in order. */
    public List<String> recipients(Class<? extends RecipientOutcome> kind) {
        return outcomes.entrySet().stream().filter(entry -> kind.isInstance(entry.getValue()))
                .map(Map.Entry::getKey).toList();
    }
}
