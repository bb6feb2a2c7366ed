package dev.hikyaku.advisor.probe;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The TLS session a STARTTLS probe negotiated, before any judgement of the certificates.
 *
 * @param protocol    the negotiated protocol, e.g. {@code TLSv1.3}
 * @param cipherSuite the negotiated cipher suite
 * @param chain       the certificates the server sent, leaf first, exactly as presented
 */
public record TlsSession(String protocol, String cipherSuite, List<X509Certificate> chain) {

    /** Copies the chain so the value stays immutable. */
    public TlsSession {
        chain = List.copyOf(chain);
    }
}
