package dev.hikyaku.app.review.warnings;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the user's earlier mail tells about a domain; every answer leaves the message under review out. */
public interface MailHistory {

    /** Whether mail was ever sent to {@code domain} (or one of its subdomains). */
    boolean sentTo(String domain, String excludedMessageId) throws IOException;

    /** The domains the user sent to most often, most frequent first. */
    List<String> frequentDomains(String excludedMessageId) throws IOException;

    /**
     * The domains of everyone on the earlier message of a thread, found by the Message-IDs the message refers to
     * (and its subject, to find candidates); empty when no referred message is known.
     */
    Optional<Set<String>> threadDomains(List<String> references, String subject, String excludedMessageId)
            throws IOException;
}
