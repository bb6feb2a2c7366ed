package dev.hikyaku.gateway.smtp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A session's TCP connection, upgraded to TLS at accept (implicit TLS) or on STARTTLS. */
final class SocketTransport implements SessionTransport {
    private static final Duration LINGER = Duration.ofSeconds(2);
    private static final long MAX_DRAIN = 64 * 1024;

    private final Optional<SSLContext> tls;
    private final InetSocketAddress client;
    private volatile Socket socket;
    private InputStream input;
    private OutputStream output;

    private SocketTransport(Socket socket, Optional<SSLContext> tls) throws IOException {
        this.socket = socket;
        this.tls = tls;
        this.client = (InetSocketAddress) socket.getRemoteSocketAddress();
        streams();
    }

    /** A plain connection that may offer STARTTLS when {@code tls} is present. */
    static SocketTransport plain(Socket socket, Optional<SSLContext> tls) throws IOException {
        return new SocketTransport(socket, tls);
    }

    /** A connection whose TLS handshake {@link #open()} runs before anything else is said. */
    static SocketTransport implicitTls(Socket socket, SSLContext tls) throws IOException {
        return new SocketTransport(wrap(socket, tls), Optional.of(tls));
    }

    @Override
    public void open() throws IOException {
        if (socket instanceof SSLSocket ssl) {
            ssl.startHandshake();
        }
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public InetSocketAddress client() {
        return client;
    }

    @Override
    public boolean tlsActive() {
        return socket instanceof SSLSocket;
    }

    @Override
    public boolean canStartTls() {
        return tls.isPresent() && !tlsActive();
    }

    @Override
    public void startTls() throws IOException {
        if (!canStartTls()) {
            throw new IllegalStateException("STARTTLS is not possible on this connection");
        }
        SSLSocket ssl = wrap(socket, tls.get());
        socket = ssl;
        streams();
        ssl.startHandshake();
    }

    @Override
    public void readTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
    }

    /**
     * Closes gracefully: sends what is left and a FIN (or TLS close_notify), then reads and drops what the
     * client still sends for a moment. Closing with unread input would make the kernel send a reset, and the
     * client could lose the last reply, which is often the one that says why the session ended.
     */
    @Override
    public void close() throws IOException {
        try (Socket closing = socket) {
            if (!closing.isClosed()) {
                output.flush();
                closing.shutdownOutput();
                closing.setSoTimeout((int) LINGER.toMillis());
                drain(closing.getInputStream());
            }
        } catch (IOException | UnsupportedOperationException e) {
            // The client is gone or broke TLS; closing is all that is left.
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] discard = new byte[4096];
        long drained = 0;
        int read;
        while (drained < MAX_DRAIN && (read = in.read(discard)) >= 0) {
            drained += read;
        }
    }

    private void streams() throws IOException {
        input = socket.getInputStream();
        output = new BufferedOutputStream(socket.getOutputStream(), 4096);
    }

    private static SSLSocket wrap(Socket socket, SSLContext tls) throws IOException {
        // No bytes already read are handed over: the session has checked that the client sent none.
        SSLSocket ssl = (SSLSocket) tls.getSocketFactory()
                .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        ssl.setUseClientMode(false);
        // The idle timeout also bounds the handshake.
        ssl.setSoTimeout(socket.getSoTimeout());
        return ssl;
    }
}
