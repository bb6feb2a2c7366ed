package dev.hikyaku.app.clients.thunderbird;

import java.util.OptionalInt;

/**
 * One outgoing server of a Thunderbird profile, from its {@code mail.smtpserver.<id>.*} preferences.
 *
 * @param id the key in the preference names, e.g. {@code smtp1}
 * @param type {@code smtp}, or what else Thunderbird sends through (Exchange's {@code ews} sends over HTTPS)
 * @param hostname the server's host name, empty when not set
 * @param port the port, empty when Thunderbird picks the default for the security setting
 * @param security how the connection is protected
 * @param auth how Thunderbird signs in
 * @param username the login name, empty when not set
 * @param description the name the user gave the server, empty when not set
 */
public record SmtpServer(String id, String type, String hostname, OptionalInt port, SmtpSecurity security,
                         SmtpAuth auth, String username, String description) {
    /** The type of an outgoing server that speaks SMTP, which a local SMTP gateway can stand in for. */
    public static final String SMTP = "smtp";

    /** Whether Thunderbird sends through this server with SMTP. */
    public boolean isSmtp() {
        return SMTP.equals(type);
    }

    /** The port Thunderbird connects to: the one set, else 465 for TLS from the first byte and 587 otherwise. */
    public int effectivePort() {
        return port.orElse(security == SmtpSecurity.SSL_TLS ? 465 : 587);
    }

    /** What the user recognises the server by: its description, else its host name, else its id. */
    public String label() {
        if (!description.isBlank()) {
            return description;
        }
        return hostname.isBlank() ? id : hostname;
    }
}
