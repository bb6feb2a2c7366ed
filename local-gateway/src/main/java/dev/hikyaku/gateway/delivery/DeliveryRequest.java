package dev.hikyaku.gateway.delivery;

import dev.hikyaku.gateway.auth.Credentials;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message to hand to the upstream server.
 *
 * @param messageFile  the message exactly as it is to be sent: lines ending in CRLF (SMTP turns a bare CR or LF
 *                     into CRLF and ends an unfinished last line with one), not dot-stuffed
 * @param sender       the envelope sender, empty for the null sender {@code <>}
 * @param recipients   the envelope recipients, at least one; a repeated address is sent once
 * @param requireTls   ask the upstream for REQUIRETLS (RFC 8689) when it offers it
 * @param smtpUtf8     the message needs SMTPUTF8 (non-ASCII addresses or headers)
 * @param eightBitMime the message has 8-bit content and is announced as BODY=8BITMIME when the upstream offers it
 * @param credentials  what to authenticate with upstream, if anything
 */
public record DeliveryRequest(Path messageFile, String sender, List<String> recipients, boolean requireTls,
                              boolean smtpUtf8, boolean eightBitMime, Optional<Credentials> credentials) {

    /** Validated copy: addresses must be safe to put on an SMTP command line. */
    public DeliveryRequest {
        Objects.requireNonNull(messageFile, "messageFile");
        Objects.requireNonNull(sender, "sender");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(credentials, "credentials");
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a delivery needs at least one recipient");
        }
        checkAddress(sender, smtpUtf8);
        for (String recipient : recipients) {
            if (recipient.isEmpty()) {
                throw new IllegalArgumentException("a recipient address cannot be empty");
            }
            checkAddress(recipient, smtpUtf8);
        }
    }

    // The listener checked these already; this keeps a line break or bracket from ever reaching a command.
    private static void checkAddress(String address, boolean smtpUtf8) {
        if (address.length() > 320) {
            throw new IllegalArgumentException("address too long");
        }
        // No mailbox ends so; Jakarta Mail would take "name:list;" for a group and expand it into other addresses.
        if (address.endsWith(";")) {
            throw new IllegalArgumentException("an address cannot end with ';'");
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            boolean forbidden = c <= ' ' || c == 0x7f || c == '<' || c == '>' || (c > 0x7f && !smtpUtf8)
                    || Character.isISOControl(c);
            if (forbidden) {
                throw new IllegalArgumentException("address has a character SMTP cannot carry here: U+"
                        + String.format("%04X", (int) c));
            }
        }
    }
}
