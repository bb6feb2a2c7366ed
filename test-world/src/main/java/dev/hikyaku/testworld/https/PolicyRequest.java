package dev.hikyaku.testworld.https;

import java.util.Optional;

/**
 * One HTTP request the MTA-STS fixture received.
 *
 * @param host the Host header without a port, lower-cased
 * @param path the request path
 * @param serverName the SNI host name of the TLS connection, if the client sent one
 */
public record PolicyRequest(String host, String path, Optional<String> serverName) {
}
