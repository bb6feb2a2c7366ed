package dev.hikyaku.smime.sources.imap;

import java.util.Locale;
import java.util.Objects;

/**
 * The user's own mailbox to read signed mail from.
 *
 * @param host     the IMAP server
 * @param port     its port (993 for implicit TLS, 143 for STARTTLS)
 * @param security how the connection is protected
 * @param user     the login name
 */
public record ImapAccount(String host, int port, ImapSecurity security, String user) {

    /** Checks that nothing is missing and the port is a port. */
    public ImapAccount {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(user, "user");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
    }

    /** The account's name in the scan state: user, host and port, never the password. */
    public String key() {
        return user + "@" + host.toLowerCase(Locale.ROOT) + ":" + port;
    }
}
