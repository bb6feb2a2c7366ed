package dev.hikyaku.gateway.queue;

import java.util.List;

/**
 * A queued message with the status of each recipient.
 *
 * @param message    the message
 * @param recipients every recipient's status, in envelope order
 */
public record QueueEntry(QueuedMessage message, List<RecipientStatus> recipients) {

    /** Whether every recipient reached a final state. */
    public boolean finished() {
        return recipients.stream().allMatch(recipient -> recipient.state().isFinal());
    }
}
