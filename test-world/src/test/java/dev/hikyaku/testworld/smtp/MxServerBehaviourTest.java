package dev.hikyaku.testworld.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each MX behaviour, seen through a bare socket. */
// One CA (and its cached RSA keys) for the whole class; every test still gets fresh certificates.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MxServerBehaviourTest {

    private static final String MX_NAME = "mx.example.test";

    private final FixtureCa ca = FixtureCa.create();

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void startTlsNegotiatesOnlyTheConfiguredVersion(String protocol) throws Exception {
        try (MxServer mx = MxServer.start(MxBehaviour.startTls(ca.server(MX_NAME), protocol));
                SmtpTestClient client = new SmtpTestClient(mx.address())) {
            client.reply();
            assertTrue(client.command("EHLO client.example.test").contains("250-STARTTLS"));

            SSLSocket tls = client.startTls(ca.clientContext(), MX_NAME);
            // A TLS 1.3 client finishes its handshake before the server does; a reply proves the server has too.
            client.command("EHLO client.example.test");

            assertEquals(protocol, tls.getSession().getProtocol());
            assertEquals(protocol, mx.sessions().get(0).tls().orElseThrow().protocol());
        }
    }

    @Test
    void requireTlsIsAdvertisedOnlyAfterStartTls() throws Exception {
        Issued certificate = ca.server(MX_NAME);
        try (MxServer mx = MxServer.start(MxBehaviour.startTls(certificate).withRequireTls());
                SmtpTestClient client = new SmtpTestClient(mx.address())) {
            client.reply();
            assertFalse(client.command("EHLO client.example.test").contains("250-REQUIRETLS"));
            client.startTls(ca.clientContext(), MX_NAME);

            List<String> afterTls = client.command("EHLO client.example.test");

            assertTrue(afterTls.contains("250-REQUIRETLS"), afterTls.toString());
            assertFalse(afterTls.contains("250-STARTTLS"), afterTls.toString());
        }
    }

    @Test
    void tarpitAcceptsButNeverSpeaks() throws Exception {
        try (MxServer mx = MxServer.start(MxBehaviour.tarpit()); Socket socket = connect(mx.address())) {
            socket.setSoTimeout(200);

            assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read());
        }
    }

    @Test
    void closeAtOnceEndsTheStream() throws Exception {
        try (MxServer mx = MxServer.start(MxBehaviour.closeAtOnce()); Socket socket = connect(mx.address())) {
            assertEquals(-1, socket.getInputStream().read());
        }
    }

    @Test
    void greet421ThenCloses() throws Exception {
        try (MxServer mx = MxServer.start(MxBehaviour.greet421());
                SmtpTestClient client = new SmtpTestClient(mx.address())) {
            assertTrue(client.reply().get(0).startsWith("421 "));
            assertEquals(-1, client.socket().getInputStream().read());
        }
    }

    @Test
    void brokenStartTlsFailsTheHandshake() throws Exception {
        try (MxServer mx = MxServer.start(MxBehaviour.brokenStartTls());
                SmtpTestClient client = new SmtpTestClient(mx.address())) {
            client.reply();
            assertTrue(client.command("EHLO client.example.test").contains("250-STARTTLS"));

            assertThrows(SSLException.class, () -> client.startTls(ca.clientContext(), MX_NAME));
        }
    }

    @Test
    void countsParallelSessions() throws Exception {
        try (MxServer mx = MxServer.start(MxBehaviour.plain())) {
            try (SmtpTestClient first = new SmtpTestClient(mx.address());
                    SmtpTestClient second = new SmtpTestClient(mx.address())) {
                first.reply();
                second.reply();
                assertEquals(2, mx.peakConcurrentConnections());
                first.command("QUIT");
                second.command("QUIT");
            }
            try (SmtpTestClient third = new SmtpTestClient(mx.address())) {
                third.reply();
                third.command("QUIT");
            }
            assertEquals(3, mx.connectionCount());
            assertEquals(2, mx.peakConcurrentConnections());
        }
    }

    @Test
    void speaksTheCommandsAMxNeeds() throws Exception {
        try (MxServer mx = MxServer.start(MxBehaviour.plain());
                SmtpTestClient client = new SmtpTestClient(mx.address())) {
            assertTrue(client.reply().get(0).startsWith("220 "));
            assertTrue(client.command("MAIL FROM:<a@example.test>").get(0).startsWith("503"));
            assertTrue(client.command("HELO client.example.test").get(0).startsWith("250"));
            assertTrue(client.command("MAIL FROM:<a@example.test> SIZE=10").get(0).startsWith("250"));
            assertTrue(client.command("RSET").get(0).startsWith("250"));
            assertTrue(client.command("RCPT TO:<b@example.test>").get(0).startsWith("503"));
            assertTrue(client.command("NOOP").get(0).startsWith("250"));
            assertTrue(client.command("STARTTLS").get(0).startsWith("502"));
            assertTrue(client.command("X".repeat(SmtpConversation.MAX_LINE + 10)).get(0).startsWith("500"));
            client.command("MAIL FROM:<> REQUIRETLS");
            client.command("RCPT TO:<b@example.test>");
            client.command("RCPT TO:<c@example.test>");
            assertTrue(client.command("DATA").get(0).startsWith("354"));
            client.send("Subject: hi");
            client.send("");
            client.send("..");
            assertTrue(client.command(".").get(0).startsWith("250"));
            assertTrue(client.command("QUIT").get(0).startsWith("221"));

            ReceivedMessage message = mx.messages().get(0);
            assertEquals("", message.envelopeFrom());
            assertEquals(List.of("REQUIRETLS"), message.mailParameters());
            assertEquals(List.of("b@example.test", "c@example.test"), message.recipients());
            assertEquals("Subject: hi\r\n\r\n.\r\n", message.text());
        }
    }

    @Test
    void refusesNonLoopbackAddresses() {
        assertThrows(IllegalArgumentException.class,
                () -> MxServer.start(MxBehaviour.plain(), new InetSocketAddress("192.0.2.1", 0)));
    }

    @Test
    void closeReturnsWhileClientsHang() throws Exception {
        MxServer mx = MxServer.start(MxBehaviour.tarpit());
        try (Socket socket = connect(mx.address())) {
            mx.close();
            InputStream in = socket.getInputStream();
            assertEquals(-1, readOrEnd(in));
        }
    }

    private static int readOrEnd(InputStream in) {
        try {
            return in.read();
        } catch (IOException e) {
            // A reset counts as the end here: the fixture dropped the connection either way.
            return -1;
        }
    }

    private static Socket connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, SmtpTestClient.TIMEOUT_MILLIS);
        socket.setSoTimeout(SmtpTestClient.TIMEOUT_MILLIS);
        return socket;
    }
}
