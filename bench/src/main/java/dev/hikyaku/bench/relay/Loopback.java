package dev.hikyaku.bench.relay;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;

/** 127.0.0.1, where every peer of this bench listens: free ports and a wait for a listener. */
final class Loopback {
    static final String HOST = "127.0.0.1";
    private static final Duration POLL = Duration.ofMillis(50);

    private Loopback() {
    }

    static InetAddress address() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a literal address is always valid", e);
        }
    }

    /** A port nobody listens on right now; the program it is handed to binds it a moment later. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, address())) {
            return socket.getLocalPort();
        }
    }

    /** Whether something accepts connections on {@code port} within {@code timeout}. */
    static boolean awaitListening(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address(), port), (int) POLL.toMillis());
                return true;
            } catch (IOException notYet) {
                Thread.sleep(POLL.toMillis());
            }
        }
        return false;
    }
}
