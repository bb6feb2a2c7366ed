package dev.hikyaku.gateway.guard;

import dev.hikyaku.gateway.mime.MessageSummary;
import java.util.List;
import java.util.Objects;

/**
 * One submitted message as the guards see it.
 *
 * @param summary            what the analyser read from the message
 * @param envelopeSender     the MAIL FROM address, empty for a null reverse-path
 * @param envelopeRecipients the RCPT TO addresses: who the message actually goes to, Bcc included
 */
public record GuardInput(MessageSummary summary, String envelopeSender, List<String> envelopeRecipients) {

    /** Validated, recipients unmodifiable and without repeats. */
    public GuardInput {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(envelopeSender, "envelopeSender");
        envelopeRecipients = envelopeRecipients.stream().distinct().toList();
    }
}
