package dev.hikyaku.gateway.smtp;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The envelope of one submitted message, as the client gave it.
 *
 * @param sender            the MAIL FROM address, empty string for the null sender {@code <>}
 * @param recipients        the accepted RCPT TO addresses, in order, at least one
 * @param smtpUtf8          whether MAIL FROM carried SMTPUTF8
 * @param eightBitMime      whether MAIL FROM carried BODY=8BITMIME
 * @param declaredSize      the SIZE parameter of MAIL FROM, or -1 when the client gave none
 * @param authenticatedUser the user name of a successful AUTH in this session, if any
 * @param client            the client's socket address (always loopback unless the user allowed otherwise)
 */
public record Envelope(String sender, List<String> recipients, boolean smtpUtf8, boolean eightBitMime,
                       long declaredSize, Optional<String> authenticatedUser, InetSocketAddress client) {

    /** Validated copy. */
    public Envelope {
        Objects.requireNonNull(sender, "sender");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("an envelope needs at least one recipient");
        }
        Objects.requireNonNull(authenticatedUser, "authenticatedUser");
        Objects.requireNonNull(client, "client");
    }
}
