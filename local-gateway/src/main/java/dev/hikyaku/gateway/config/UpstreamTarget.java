package dev.hikyaku.gateway.config;

import dev.hikyaku.gateway.delivery.UpstreamSecurity;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The user's real outgoing server, as configured.
 *
 * @param host     its host name or address
 * @param port     its submission port
 * @param security how the connection is protected
 * @param trustCa  a PEM file of extra CAs to trust besides the system's, if any
 * @param keychain whether the user opted in to keep the password in the OS key store across restarts
 */
public record UpstreamTarget(String host, int port, UpstreamSecurity security, Optional<Path> trustCa,
                             boolean keychain) {
    /** The server as {@code host:port}. */
    public String hostAndPort() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
