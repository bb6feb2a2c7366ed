package dev.hikyaku.app.clients.thunderbird;

import java.util.Optional;

/**
 * A mail account of a Thunderbird profile, as the account settings list it, with the outgoing server its
 * default identity sends through.
 *
 * @param id the key in the preference names, e.g. {@code account1}
 * @param name the account's name in Thunderbird's folder pane
 * @param address the default identity's e-mail address, empty when not set
 * @param incomingType {@code imap}, {@code pop3}, ...
 * @param outgoing the outgoing server, empty when the identity names none and no default is set
 */
public record ThunderbirdAccount(String id, String name, String address, String incomingType,
                                 Optional<SmtpServer> outgoing) {
}
