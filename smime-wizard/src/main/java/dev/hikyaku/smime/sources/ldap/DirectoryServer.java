package dev.hikyaku.smime.sources.ldap;

import java.util.Objects;
import java.util.Optional;

/**
 * A company or CA directory to look contacts' certificates up in.
 *
 * @param host     the LDAP server
 * @param port     its port (389)
 * @param security how the connection is protected
 * @param baseDn   where the search starts, e.g. {@code dc=example,dc=co,dc=jp}
 * @param bindDn   who to log in as; empty for an anonymous search
 */
public record DirectoryServer(String host, int port, LdapSecurity security, String baseDn, Optional<String> bindDn) {

    /** Checks that nothing is missing and the port is a port. */
    public DirectoryServer {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(baseDn, "baseDn");
        Objects.requireNonNull(bindDn, "bindDn");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
    }

    /** The server as the contact store records it. */
    public String url() {
        return "ldap://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
