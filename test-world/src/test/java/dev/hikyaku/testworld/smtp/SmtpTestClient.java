package dev.hikyaku.testworld.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** A bare SMTP client for tests that need to see the fixture's replies line by line. */
final class SmtpTestClient implements AutoCloseable {

    // Safety bound only: a broken fixture fails the test instead of hanging it.
    static final int TIMEOUT_MILLIS = 5_000;

    private Socket socket;
    private BufferedReader in;
    private OutputStream out;

    SmtpTestClient(InetSocketAddress address) throws IOException {
        Socket plain = new Socket();
        plain.connect(address, TIMEOUT_MILLIS);
        plain.setSoTimeout(TIMEOUT_MILLIS);
        attach(plain);
    }

    /** Reads one reply, all its lines, and returns them. */
    List<String> reply() throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed after " + lines);
            }
            lines.add(line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return lines;
    }

    /** Sends a command and returns its reply. */
    List<String> command(String line) throws IOException {
        send(line);
        return reply();
    }

    void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends STARTTLS, expects 220 and handshakes with the context, offering the SNI name. */
    SSLSocket startTls(SSLContext context, String serverName) throws IOException {
        List<String> ready = command("STARTTLS");
        if (!ready.get(0).startsWith("220")) {
            throw new IOException("STARTTLS refused: " + ready);
        }
        SSLSocket tls = (SSLSocket) context.getSocketFactory()
                .createSocket(socket, serverName, socket.getPort(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(serverName)));
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        attach(tls);
        return tls;
    }

    Socket socket() {
        return socket;
    }

    private void attach(Socket connected) throws IOException {
        socket = connected;
        in = new BufferedReader(new InputStreamReader(connected.getInputStream(), StandardCharsets.UTF_8));
        out = connected.getOutputStream();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
