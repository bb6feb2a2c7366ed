package dev.hikyaku.gateway.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** STUB until the delivery package lands. */
public record DeliveryReport(Map<String, RecipientOutcome> outcomes, boolean requireTlsUsed) {
    /** STUB. */
    public static DeliveryReport allDeferred(List<String> recipients, String reason) {
        Map<String, RecipientOutcome> outcomes = new LinkedHashMap<>();
        recipients.forEach(r -> outcomes.put(r, new RecipientOutcome.Deferred(reason, false)));
        return new DeliveryReport(outcomes, false);
    }
}
