package dev.hikyaku.testworld.smtp;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One message an MX accepted.
 *
 * @param envelopeFrom the MAIL FROM path without angle brackets (empty for the null sender)
 * @param mailParameters the ESMTP parameters after MAIL FROM, e.g. {@code REQUIRETLS} or {@code SIZE=123}
 * @param recipients the RCPT TO paths without angle brackets, in order
 * @param raw the message as received, dot-unstuffed, lines ending in CRLF, without the final dot
 * @param overTls whether the message came after a successful STARTTLS
 */
public record ReceivedMessage(String envelopeFrom, List<String> mailParameters, List<String> recipients, byte[] raw,
        boolean overTls) {

    /** Copies the lists and the bytes. */
    public ReceivedMessage {
        mailParameters = List.copyOf(mailParameters);
        recipients = List.copyOf(recipients);
        raw = raw.clone();
    }

    /** A copy of the raw bytes. */
    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /** The raw message decoded as UTF-8, handy for assertions. */
    public String text() {
        return new String(raw, StandardCharsets.UTF_8);
    }
}
