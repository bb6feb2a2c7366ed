package dev.hikyaku.testworld.acme;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Hands one message to an SMTP server on loopback (plain, no authentication), as the CA's outgoing mail. */
final class MailDrop {
    private static final int TIMEOUT_MILLIS = 10_000;

    private MailDrop() {
    }

    static void send(InetSocketAddress server, String from, String to, String message) throws IOException {
        if (!server.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the ACME world mails to loopback only, not to " + server);
        }
        try (Socket socket = new Socket()) {
            socket.connect(server, TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, '2');
            command(out, in, "EHLO acme.fixture.test", '2');
            command(out, in, "MAIL FROM:<" + from + ">", '2');
            command(out, in, "RCPT TO:<" + to + ">", '2');
            command(out, in, "DATA", '3');
            StringBuilder data = new StringBuilder();
            for (String line : message.split("\r\n", -1)) {
                data.append(line.startsWith(".") ? "." : "").append(line).append("\r\n");
            }
            out.write(data.append(".\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            expect(in, '2');
            command(out, in, "QUIT", '2');
        }
    }

    private static void command(OutputStream out, BufferedReader in, String line, char expected) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, expected);
    }

    private static void expect(BufferedReader in, char expected) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null || line.length() < 4 || line.charAt(0) != expected) {
                throw new IOException("the SMTP server answered " + line);
            }
        } while (line.charAt(3) == '-');
    }
}
