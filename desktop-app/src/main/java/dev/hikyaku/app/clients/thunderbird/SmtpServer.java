package dev.hikyaku.app.clients.thunderbird;

import java.util.OptionalInt;

/**
 * One outgoing server of a Thunderbird profile, from its {@code mail.smtpserver.<id>.*} preferences.
 *
 * @param id the key in the preference names, e.g. {@code smtp1}
 * @param hostname the server's host name, empty when not set
 * @param port the port, empty when Thunderbird picks the default for the security setting
 * @param security how the connection is protected
 * @param username the login name, empty when not set
 * @param description the name the user gave the server, empty when not set
 */
public record SmtpServer(String id, String hostname, OptionalInt port, SmtpSecurity security, String username,
                         String description) {
}
