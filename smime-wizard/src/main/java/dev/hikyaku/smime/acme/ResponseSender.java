package dev.hikyaku.smime.acme;

import java.io.IOException;
import java.util.List;

/**
 * Sends the response mail of an ACME email-reply-00 challenge through the user's own mail route (the app submits it
 * through Hikyaku's gateway), because the CA checks that it comes from the mailbox, signed by its provider (DKIM).
 */
@FunctionalInterface
public interface ResponseSender {

    /**
     * Sends the message.
     *
     * @param from       the envelope sender: the address the certificate is for
     * @param recipients the envelope recipients: the CA's challenge address
     * @param message    the whole message (RFC 5322, CRLF line ends)
     * @throws IOException when the message could not be handed over
     */
    void send(String from, List<String> recipients, byte[] message) throws IOException;
}
