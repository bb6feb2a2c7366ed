package dev.hikyaku.app.review;

import dev.hikyaku.gateway.events.GatewayEvent;
import java.util.Optional;

/** Which message a gateway event is about (the events share no common accessor). */
public final class EventMessages {
    private EventMessages() {
    }

    /** The message id of {@code event}, empty for events about the gateway itself. */
    public static Optional<String> idOf(GatewayEvent event) {
        if (event instanceof GatewayEvent.Accepted e) {
            return Optional.of(e.messageId());
        }
        if (event instanceof GatewayEvent.VerdictKnown e) {
            return Optional.of(e.messageId());
        }
        if (event instanceof GatewayEvent.Planned e) {
            return Optional.of(e.messageId());
        }
        if (event instanceof GatewayEvent.Packaged e) {
            return Optional.of(e.messageId());
        }
        if (event instanceof GatewayEvent.PassphraseIssued e) {
            return Optional.of(e.messageId());
        }
        if (event instanceof GatewayEvent.AwaitingSender e) {
            return Optional.of(e.messageId());
        }
        if (event instanceof GatewayEvent.Refused e) {
            return Optional.of(e.messageId());
        }
        if (event instanceof GatewayEvent.Held e) {
            return Optional.of(e.messageId());
        }
        if (event instanceof GatewayEvent.Overdue e) {
            return Optional.of(e.messageId());
        }
        if (event instanceof GatewayEvent.Delivered e) {
            return Optional.of(e.messageId());
        }
        if (event instanceof GatewayEvent.Deferred e) {
            return Optional.of(e.messageId());
        }
        if (event instanceof GatewayEvent.Failed e) {
            return Optional.of(e.messageId());
        }
        if (event instanceof GatewayEvent.Finished e) {
            return Optional.of(e.messageId());
        }
        if (event instanceof GatewayEvent.Cancelled e) {
            return Optional.of(e.messageId());
        }
        if (event instanceof GatewayEvent.Sandboxed e) {
            return Optional.of(e.messageId());
        }
        return Optional.empty();
    }
}
