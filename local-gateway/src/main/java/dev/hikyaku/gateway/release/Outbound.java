package dev.hikyaku.gateway.release;

import dev.hikyaku.gateway.delivery.DeliveryReport;
import dev.hikyaku.gateway.delivery.DeliveryRequest;

/** Where released mail goes: the user's upstream server, or the sandbox outbox before one is configured. */
@FunctionalInterface
public interface Outbound {

    /** Hands one message to its recipients' next hop and says what became of each recipient. */
    DeliveryReport deliver(DeliveryRequest request);
}
