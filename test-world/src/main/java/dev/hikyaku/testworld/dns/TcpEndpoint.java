package dev.hikyaku.testworld.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Accepts DNS-over-TCP connections (RFC 7766: two-byte length prefix, several queries per
 * connection) and serves each connection on the connection pool.
 */
final class TcpEndpoint implements AutoCloseable {

    /** An idle connection is closed after this long, so it cannot hold a thread forever. */
    private static final int IDLE_MILLIS = 10_000;

    private final ServerSocket server;
    private final WireResponder responder;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    TcpEndpoint(ServerSocket server, WireResponder responder, ExecutorService connections) {
        this.server = server;
        this.responder = responder;
        this.connections = connections;
        this.acceptor = new Thread(this::accept, "dns-world-tcp-" + server.getLocalPort());
        this.acceptor.setDaemon(true);
    }

    void start() {
        acceptor.start();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                // Closing the server socket is how close() stops this loop.
                return;
            }
            open.add(socket);
            try {
                connections.execute(() -> serve(socket));
            } catch (RejectedExecutionException e) {
                closeQuietly(socket);
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
                InputStream rawIn = socket.getInputStream();
                OutputStream rawOut = socket.getOutputStream()) {
            socket.setSoTimeout(IDLE_MILLIS);
            DataInputStream in = new DataInputStream(rawIn);
            DataOutputStream out = new DataOutputStream(rawOut);
            while (true) {
                byte[] request = new byte[in.readUnsignedShort()];
                in.readFully(request);
                Optional<byte[]> response = responder.overTcp(request);
                if (response.isPresent()) {
                    out.writeShort(response.get().length);
                    out.write(response.get());
                    out.flush();
                }
            }
        } catch (IOException e) {
            // End of stream, a cut-off frame, an idle client or close(): the connection is over.
        } finally {
            open.remove(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(TcpEndpoint::closeQuietly);
    }
}
