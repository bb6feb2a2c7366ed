package dev.hikyaku.gateway.queue;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message as the queue keeps it: its envelope and what is needed to release it later.
 *
 * @param id           the spool id
 * @param receivedAt   when the client's DATA ended
 * @param sender       MAIL FROM, empty for the null sender
 * @param recipients   the envelope recipients, without duplicates, in the client's order
 * @param owner        the authenticated user whose credentials release it, empty when the upstream needs none
 * @param smtpUtf8     whether the client asked for SMTPUTF8
 * @param eightBitMime whether the client declared BODY=8BITMIME
 * @param size         bytes on disk
 * @param notice       whether this is Hikyaku's own failure notice (which never causes another notice)
 */
public record QueuedMessage(String id, Instant receivedAt, String sender, List<String> recipients, Optional<String> owner,
                            boolean smtpUtf8, boolean eightBitMime, long size, boolean notice) {

    /** Validated copy, duplicates removed. */
    public QueuedMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(sender, "sender");
        recipients = List.copyOf(new LinkedHashSet<>(recipients));
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a queued message needs a recipient");
        }
        Objects.requireNonNull(owner, "owner");
    }
}
