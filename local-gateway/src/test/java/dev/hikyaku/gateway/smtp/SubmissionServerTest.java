package dev.hikyaku.gateway.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Starting, addressing and closing the listener. */
class SubmissionServerTest {
    private final SpoolingHandler handler = new SpoolingHandler();

    @Test
    void ephemeralPortsAreReportedPerKindOfEndpoint() throws IOException {
        try (SubmissionServer server = TestServers.withTls(handler, SmtpLimits.defaults(), TlsFixture.serverContext())) {
            InetSocketAddress plain = server.plainAddresses().get(0);
            InetSocketAddress implicit = server.implicitTlsAddresses().get(0);
            assertEquals(InetAddress.getLoopbackAddress(), plain.getAddress());
            assertNotEquals(0, plain.getPort());
            assertNotEquals(0, implicit.getPort());
            assertNotEquals(plain.getPort(), implicit.getPort());
            try (RawClient client = RawClient.connect(plain)) {
                client.expect("220 ");
            }
        }
    }

    @Test
    void closingTheServerEndsItsSessionsAndAbandonsTheirMessages() throws IOException {
        SubmissionServer server = TestServers.plain(handler, SmtpLimits.defaults());
        try (RawClient client = RawClient.greeted(TestServers.address(server))) {
            client.command("MAIL FROM:<a@example.org>", "250");
            client.command("RCPT TO:<b@example.net>", "250");
            client.command("DATA", "354");
            client.send("Subject: interrupted\r\n");
            server.close();
            assertEquals("", client.readToEnd());
        }
        assertEquals(1, handler.abandoned());
        assertEquals(0, handler.committed().size());
        assertThrows(IOException.class, () -> RawClient.connect(TestServers.address(server)).reply());
    }

    @Test
    void anEndpointThatIsTakenFailsTheStartAndNothingStaysBound() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress free;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                free = (InetSocketAddress) probe.getLocalSocketAddress();
            }
            SubmissionSettings settings = new SubmissionSettings("gateway.test",
                    List.of(free, (InetSocketAddress) taken.getLocalSocketAddress()), List.of(), Optional.empty(),
                    SmtpLimits.defaults());
            assertThrows(IOException.class, () -> SubmissionServer.start(settings, handler));
            // The first endpoint was released again: it can be bound now.
            try (ServerSocket again = new ServerSocket()) {
                again.bind(free);
                assertTrue(again.isBound());
            }
        }
    }

    @Test
    void settingsAreValidated() {
        InetSocketAddress loopback = TestServers.loopback();
        SmtpLimits limits = SmtpLimits.defaults();
        assertThrows(IllegalArgumentException.class,
                () -> new SubmissionSettings("gateway.test", List.of(), List.of(), Optional.empty(), limits));
        assertThrows(IllegalArgumentException.class,
                () -> new SubmissionSettings("gateway.test", List.of(), List.of(loopback), Optional.empty(), limits));
        assertThrows(IllegalArgumentException.class,
                () -> new SubmissionSettings("gate way", List.of(loopback), List.of(), Optional.empty(), limits));
    }
}
