package dev.hikyaku.app.report;

import dev.hikyaku.app.archive.MessageDetails;
import dev.hikyaku.gateway.archive.ArchivedMessage;
import java.time.Instant;
import java.util.List;

/**
 * One recipient a message was sent to, and the route it took.
 *
 * @param at    when the message was received for sending
 * @param route how the recipient's domain was judged for that message
 */
public record SentRoute(Instant at, RouteClass route) {
    /** The recipients of {@code message} whose latest status is {@code sent}, with their routes. */
    public static List<SentRoute> of(ArchivedMessage message) {
        return MessageDetails.of(message).recipients().stream()
                .filter(recipient -> "sent".equals(recipient.latest().status()))
                .map(recipient -> new SentRoute(message.receivedAt(), RouteClass.of(recipient.level())))
                .toList();
    }
}
