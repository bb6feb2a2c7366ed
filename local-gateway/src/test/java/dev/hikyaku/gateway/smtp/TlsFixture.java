package dev.hikyaku.gateway.smtp;

import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import javax.net.ssl.SSLContext;

/** One test CA and a server certificate for "localhost" and 127.0.0.1, made once for all TLS tests. */
final class TlsFixture {
    private static final FixtureCa CA = FixtureCa.create();
    private static final Issued SERVER = CA.server("localhost", "127.0.0.1");

    private TlsFixture() {
    }

    static SSLContext serverContext() {
        return SERVER.serverContext();
    }

    /** A client context that trusts only the test CA. */
    static SSLContext clientContext() {
        return CA.clientContext();
    }

    static FixtureCa ca() {
        return CA;
    }
}
