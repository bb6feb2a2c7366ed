package dev.hikyaku.gateway.mime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the analyser learnt from one message file: its header, text, attachments and protection.
 *
 * @param messageId      the Message-ID header, such as {@code <abc@example.jp>}, if there is one
 * @param date           the Date header, if there is one that could be read
 * @param from           the From header's mailboxes
 * @param sender         the Sender header's mailboxes (usually none)
 * @param replyTo        the Reply-To header's mailboxes
 * @param to             the To header's mailboxes
 * @param cc             the Cc header's mailboxes
 * @param bcc            the Bcc header's mailboxes (the client may have left them in)
 * @param subject        the decoded subject, or empty
 * @param bodyText       the text of the body parts (HTML reduced to its text), at most the limit's characters
 * @param attachments    the attached files and inline images, in message order
 * @param smimeSigned    whether the message is already S/MIME signed (multipart/signed or opaque signed-data)
 * @param smimeEncrypted whether the message is already S/MIME encrypted (application/pkcs7-mime enveloped-data)
 * @param totalSize      the message's size in bytes as submitted
 * @param problems       what was wrong with the message and worked around; empty for a clean message
 */
public record MessageSummary(Optional<String> messageId, Optional<Instant> date, List<MailAddress> from,
                             List<MailAddress> sender, List<MailAddress> replyTo, List<MailAddress> to,
                             List<MailAddress> cc, List<MailAddress> bcc, String subject, String bodyText,
                             List<Attachment> attachments, boolean smimeSigned, boolean smimeEncrypted,
                             long totalSize, List<Problem> problems) {

    /** Validated summary with unmodifiable lists. */
    public MessageSummary {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(date, "date");
        from = List.copyOf(from);
        sender = List.copyOf(sender);
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(bodyText, "bodyText");
        attachments = List.copyOf(attachments);
        problems = List.copyOf(problems);
    }

    /** The header recipients: To, then Cc, then Bcc. */
    public List<MailAddress> recipients() {
        List<MailAddress> all = new ArrayList<>(to.size() + cc.size() + bcc.size());
        all.addAll(to);
        all.addAll(cc);
        all.addAll(bcc);
        return List.copyOf(all);
    }

    /** Every address of the header: From, Sender, Reply-To, To, Cc, Bcc. */
    public List<MailAddress> allAddresses() {
        List<MailAddress> all = new ArrayList<>(from);
        all.addAll(sender);
        all.addAll(replyTo);
        all.addAll(recipients());
        return List.copyOf(all);
    }

    /** The attachments' decoded file names, unnamed ones left out. */
    public List<String> attachmentNames() {
        return attachments.stream().map(Attachment::fileName).filter(name -> !name.isEmpty()).toList();
    }

    /** How many attached files there are, inline images not counted. */
    public long attachedFileCount() {
        return attachments.stream().filter(attachment -> !attachment.inline()).count();
    }

    /** Whether the analyser met anything wrong. */
    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
