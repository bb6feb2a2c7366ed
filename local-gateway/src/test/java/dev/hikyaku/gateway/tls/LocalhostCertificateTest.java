package dev.hikyaku.gateway.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.testworld.time.ShiftedClock;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalhostCertificateTest {
    @TempDir
    Path folder;

    @Test
    void madeOnceKeptAfterwardsWithAPrivateKeyFile() throws Exception {
        LocalhostCertificate first = LocalhostCertificate.loadOrCreate(folder, Clock.systemUTC());
        assertTrue(first.createdNow());
        LocalhostCertificate again = LocalhostCertificate.loadOrCreate(folder, Clock.systemUTC());
        assertFalse(again.createdNow());
        assertEquals(first.fingerprint(), again.fingerprint());
        assertTrue(first.fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), first.fingerprint());
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.resolve("localhost-key.pem"))));
        assertFalse(first.toString().contains("PRIVATE"));
    }

    @Test
    void renewedWhenAboutToExpire() throws Exception {
        ShiftedClock clock = new ShiftedClock();
        LocalhostCertificate first = LocalhostCertificate.loadOrCreate(folder, clock);
        clock.advance(Duration.ofDays(810));
        LocalhostCertificate renewed = LocalhostCertificate.loadOrCreate(folder, clock);
        assertTrue(renewed.createdNow());
        assertNotEquals(first.fingerprint(), renewed.fingerprint());
    }

    @Test
    void aClientThatTrustsItCompletesAHandshakeForLocalhost() throws Exception {
        LocalhostCertificate certificate = LocalhostCertificate.loadOrCreate(folder, Clock.systemUTC());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("hikyaku", certificate.certificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, factory.getTrustManagers(), null);

        try (SSLServerSocket server = (SSLServerSocket) certificate.serverContext().getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket socket = (SSLSocket) server.accept(); InputStream in = socket.getInputStream()) {
                    return in.read();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("localhost", server.getLocalPort())) {
                var parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                OutputStream out = socket.getOutputStream();
                out.write(42);
                out.flush();
                assertEquals(42, served.get());
            }
        }
    }
}
