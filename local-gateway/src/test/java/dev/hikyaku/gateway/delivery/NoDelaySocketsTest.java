package dev.hikyaku.gateway.delivery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

/** Every socket Angus gets from the delivery's factories has Nagle's algorithm off, TLS layered or not. */
class NoDelaySocketsTest {

    @Test
    void plainSocketsComeWithNoDelay() throws Exception {
        try (Socket socket = new NoDelaySocketFactory().createSocket()) {
            assertTrue(socket.getTcpNoDelay());
        }
    }

    @Test
    void tlsLayeredOverAPlainSocketTurnsNoDelayOnBeneathIt() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket plain = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                Socket accepted = listener.accept()) {
            assertTrue(accepted.isConnected());
            assertFalse(plain.getTcpNoDelay(), "the JDK's default, as Angus makes its socket for implicit TLS");
            SSLSocketFactory tls = new NoDelaySslSocketFactory(UpstreamTrust.systemCas().getSocketFactory());
            try (Socket layered = tls.createSocket(plain, "127.0.0.1", listener.getLocalPort(), true)) {
                assertTrue(plain.getTcpNoDelay());
                assertTrue(layered.getTcpNoDelay());
            }
        }
    }
}
