package dev.hikyaku.app.review.warnings;

import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.gateway.mime.MailAddress;
import java.util.List;
import java.util.Objects;

/**
 * What the warnings look at in one message.
 *
 * @param messageId        the gateway's id of the message (left out of every history look-up)
 * @param subject          the decoded subject
 * @param domains          each recipient domain with its side and verdict level, as the plan groups them
 * @param headerRecipients the To/Cc/Bcc mailboxes with their display names
 * @param references       the Message-IDs of In-Reply-To and References, nearest first
 */
public record MessageFacts(String messageId, String subject, List<Domain> domains, List<MailAddress> headerRecipients,
                           List<String> references) {

    /** Unmodifiable copies. */
    public MessageFacts {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(subject, "subject");
        domains = List.copyOf(domains);
        headerRecipients = List.copyOf(headerRecipients);
        references = List.copyOf(references);
    }

    /**
     * One recipient domain.
     *
     * @param domain   the domain, ASCII (A-label) form
     * @param internal whether it is one of the organisation's own
     * @param level    its route's verdict level
     */
    public record Domain(String domain, boolean internal, Level level) {
    }
}
