package dev.hikyaku.testworld.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.testworld.ca.FixtureCa;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The child-JVM MX that speaks only TLS 1.0/1.1, one JVM start for all checks. */
class LegacyTlsMxTest {

    private static final int TLS_HANDSHAKE = 22;
    private static final int SERVER_HELLO = 2;

    @Test
    void refusesModernClientsAndAnswersTls11() throws Exception {
        FixtureCa ca = FixtureCa.create();
        try (LegacyTlsMx mx = LegacyTlsMx.start(ca.server("legacy.example.test"))) {
            try (SmtpTestClient modern = new SmtpTestClient(mx.address())) {
                modern.reply();
                assertTrue(modern.command("EHLO client.example.test").contains("250-STARTTLS"));
                assertThrows(SSLHandshakeException.class,
                        () -> modern.startTls(ca.clientContext(), "legacy.example.test"));
            }
            try (SmtpTestClient old = new SmtpTestClient(mx.address())) {
                old.reply();
                old.command("EHLO client.example.test");
                assertTrue(old.command("STARTTLS").get(0).startsWith("220"));
                OutputStream out = old.socket().getOutputStream();
                out.write(tls11ClientHello());
                out.flush();

                DataInputStream in = new DataInputStream(old.socket().getInputStream());
                byte[] header = new byte[5 + 4 + 2];
                in.readFully(header);
                assertArrayEquals(new byte[] {TLS_HANDSHAKE, SERVER_HELLO, 0x03, 0x02},
                        new byte[] {header[0], header[5], header[9], header[10]},
                        "a handshake record holding a ServerHello for version 0x0302 (TLS 1.1)");
            }
        }
    }

    /** A minimal TLS 1.1 ClientHello offering RSA and ECDHE_RSA key exchange with AES-128-CBC. */
    private static byte[] tls11ClientHello() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(new byte[] {0x03, 0x02});
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        body.write(random);
        body.write(0);
        byte[] suites = {(byte) 0xC0, 0x13, 0x00, 0x2F, 0x00, 0x35};
        body.write(new byte[] {0, (byte) suites.length});
        body.write(suites);
        body.write(new byte[] {1, 0});
        byte[] extensions = {
            0x00, 0x0a, 0x00, 0x04, 0x00, 0x02, 0x00, 0x17, // supported_groups: secp256r1
            0x00, 0x0b, 0x00, 0x02, 0x01, 0x00, // ec_point_formats: uncompressed
            (byte) 0xff, 0x01, 0x00, 0x01, 0x00, // renegotiation_info: empty
        };
        body.write(new byte[] {0, (byte) extensions.length});
        body.write(extensions);

        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        handshake.write(1);
        handshake.write(new byte[] {0, 0, (byte) body.size()});
        body.writeTo(handshake);

        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(new byte[] {TLS_HANDSHAKE, 0x03, 0x01, 0, (byte) handshake.size()});
        handshake.writeTo(record);
        return record.toByteArray();
    }
}
