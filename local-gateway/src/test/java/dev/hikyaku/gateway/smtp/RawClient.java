package dev.hikyaku.gateway.smtp;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A byte-exact SMTP client over a real socket, for protocol tests that real mail clients would never try. */
final class RawClient implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 20_000;

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        streams();
    }

    static RawClient connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        return new RawClient(socket);
    }

    /** Connects to an implicit-TLS endpoint and runs the handshake. */
    static RawClient connectTls(InetSocketAddress address, SSLContext context) throws IOException {
        RawClient client = connect(address);
        client.startTls(context);
        return client;
    }

    /** Connects, reads the 220 greeting and says EHLO. */
    static RawClient greeted(InetSocketAddress address) throws IOException {
        RawClient client = connect(address);
        client.expect("220 ");
        client.send("EHLO client.test\r\n");
        client.expect("250");
        return client;
    }

    /** Sends text as UTF-8 in one write. */
    void send(String text) throws IOException {
        sendBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends bytes in one write. */
    void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** One whole reply (all lines of a multi-line one, joined by newlines), without CRLFs. */
    String reply() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = line();
            lines.add(line);
            assertTrue(line.matches("[2-5][0-9]{2}[ -].*|[2-5][0-9]{2}"), "not a reply line: " + line);
            if (line.length() == 3 || line.charAt(3) == ' ') {
                return String.join("\n", lines);
            }
        }
    }

    /** Reads one reply and checks that it starts with {@code prefix}; returns it. */
    String expect(String prefix) throws IOException {
        String reply = reply();
        assertTrue(reply.startsWith(prefix), () -> "expected " + prefix + " but got: " + reply);
        return reply;
    }

    /** Sends a command and checks the reply's start. */
    String command(String line, String prefix) throws IOException {
        send(line + "\r\n");
        return expect(prefix);
    }

    /** Reads until the server closes the connection and returns what came before (empty if nothing). */
    String readToEnd() throws IOException {
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int read;
        try {
            while ((read = in.read(buffer)) >= 0) {
                rest.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            // A reset after the server's close counts as closed too.
        }
        return rest.toString(StandardCharsets.ISO_8859_1);
    }

    /** Runs the client side of a TLS handshake over this connection (after a 220 to STARTTLS). */
    void startTls(SSLContext context) throws IOException {
        SSLSocket ssl = (SSLSocket) context.getSocketFactory()
                .createSocket(socket, "localhost", socket.getPort(), true);
        ssl.setUseClientMode(true);
        ssl.startHandshake();
        socket = ssl;
        streams();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the server closed the connection; read so far: "
                        + line.toString(StandardCharsets.ISO_8859_1));
            }
            if (b == '\n') {
                fail("bare LF from the server");
            }
            if (b == '\r') {
                if (in.read() != '\n') {
                    fail("bare CR from the server");
                }
                return line.toString(StandardCharsets.US_ASCII);
            }
            line.write(b);
        }
    }

    private void streams() throws IOException {
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }
}
