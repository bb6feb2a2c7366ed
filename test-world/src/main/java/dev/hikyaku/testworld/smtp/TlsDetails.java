package dev.hikyaku.testworld.smtp;

import java.util.Optional;

/**
 * What one STARTTLS handshake negotiated.
 *
 * @param protocol e.g. {@code TLSv1.3}
 * @param cipherSuite e.g. {@code TLS_AES_128_GCM_SHA256}
 * @param serverName the SNI host name the client asked for, if it sent one
 */
public record TlsDetails(String protocol, String cipherSuite, Optional<String> serverName) {
}
