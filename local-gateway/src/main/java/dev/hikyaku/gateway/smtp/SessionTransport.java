package dev.hikyaku.gateway.smtp;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The byte pipe one session talks over: a TCP socket (possibly TLS) in service, memory streams when the
 * protocol is fuzzed. The session owns the protocol; the transport owns sockets and TLS.
 */
interface SessionTransport extends Closeable {

    /** Finishes setting up the connection (the TLS handshake of an implicit-TLS endpoint); throws when it fails. */
    void open() throws IOException;

    /** The client's bytes; a new stream after {@link #startTls()}. */
    InputStream input() throws IOException;

    /** The way to the client; a new stream after {@link #startTls()}. */
    OutputStream output() throws IOException;

    /** The client's address. */
    InetSocketAddress client();

    /** Whether the connection is protected by TLS now. */
    boolean tlsActive();

    /** Whether STARTTLS can be offered: a TLS context exists and TLS is not on yet. */
    boolean canStartTls();

    /**
     * Runs the server side of a TLS handshake over the connection. The caller has made sure no client byte
     * is buffered on its side, so nothing sent before the handshake can be carried into the TLS session.
     */
    void startTls() throws IOException;

    /** How long a read may wait for the client before it fails with a timeout. */
    void readTimeout(Duration timeout) throws IOException;
}
