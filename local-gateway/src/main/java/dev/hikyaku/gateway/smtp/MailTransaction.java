package dev.hikyaku.gateway.smtp;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The mail transaction between MAIL FROM and DATA: the sender, its parameters and the recipients so far. */
final class MailTransaction {
    private final String sender;
    private final MailParameters parameters;
    private final List<String> recipients = new ArrayList<>();

    MailTransaction(String sender, MailParameters parameters) {
        this.sender = sender;
        this.parameters = parameters;
    }

    /** Whether MAIL FROM declared SMTPUTF8, which allows UTF-8 addresses. */
    boolean smtpUtf8() {
        return parameters.smtpUtf8();
    }

    /** How many recipients were accepted. */
    int recipientCount() {
        return recipients.size();
    }

    /** Adds an accepted recipient. */
    void addRecipient(String recipient) {
        recipients.add(recipient);
    }

    /** The envelope for DATA. */
    Envelope envelope(Optional<String> authenticatedUser, InetSocketAddress client) {
        return new Envelope(sender, recipients, parameters.smtpUtf8(), parameters.eightBitMime(),
                parameters.declaredSize(), authenticatedUser, client);
    }
}
