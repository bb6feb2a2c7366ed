package dev.hikyaku.testworld.smtp;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Replies a fixture server gives instead of its usual ones; a test changes them while the server runs, and
 * every connection, open or new, follows the change from its next command on.
 */
public final class SubmissionScript {

    // A failure reply: 4xx or 5xx, then printable US-ASCII (so it cannot smuggle a line break into the stream).
    private static final Pattern FAILURE_REPLY = Pattern.compile("[45][0-9][0-9]( [\\x20-\\x7e]*)?");

    private final Map<String, String> recipientReplies = new ConcurrentHashMap<>();
    private final AtomicReference<String> nextDataReply = new AtomicReference<>();

    /**
     * Answers every RCPT TO for the address (compared without regard to case) with the reply, e.g.
     * {@code "550 5.1.1 No such user"} or {@code "451 4.3.0 Try again later"}.
     */
    public void replyToRecipient(String address, String reply) {
        recipientReplies.put(address.toLowerCase(Locale.ROOT), checked(reply));
    }

    /**
     * Answers the end of the next message's DATA, on any connection, with the reply (e.g.
     * {@code "554 5.6.0 Content refused"}) instead of accepting it; only that one message.
     */
    public void replyToNextData(String reply) {
        nextDataReply.set(checked(reply));
    }

    /** Forgets every scripted reply; the server answers as usual again. */
    public void clear() {
        recipientReplies.clear();
        nextDataReply.set(null);
    }

    Optional<String> recipientReply(String address) {
        return Optional.ofNullable(recipientReplies.get(address.toLowerCase(Locale.ROOT)));
    }

    /** The scripted reply for this DATA, used up by asking. */
    Optional<String> takeDataReply() {
        return Optional.ofNullable(nextDataReply.getAndSet(null));
    }

    private static String checked(String reply) {
        if (!FAILURE_REPLY.matcher(reply).matches()) {
            throw new IllegalArgumentException("a scripted reply is a 4xx or 5xx code and ASCII text, not: " + reply);
        }
        return reply;
    }
}
