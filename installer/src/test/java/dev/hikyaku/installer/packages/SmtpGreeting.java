package dev.hikyaku.installer.packages;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Waits for an SMTP server on a loopback port and reads its greeting and its EHLO reply. */
final class SmtpGreeting {
    private SmtpGreeting() {
    }

    /** A loopback port nothing listened on a moment ago. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * The greeting line and the EHLO reply lines of the server on 127.0.0.1:{@code port}, trying until it answers
     * or {@code program} ends or {@code patience} passes.
     */
    static List<String> await(int port, Program program, Duration patience) throws Exception {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!program.alive()) {
                throw new AssertionError("the program ended before it answered on " + port + ":\n" + program.output());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                socket.setSoTimeout(30_000);
                return converse(socket);
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("nothing answered on " + port + " in " + patience + ":\n" + program.output());
    }

    private static List<String> converse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = socket.getOutputStream();
        List<String> lines = new ArrayList<>();
        lines.add(in.readLine());
        out.write("EHLO installer-test\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String line;
        do {
            line = in.readLine();
            lines.add(line);
        } while (line != null && line.startsWith("250-"));
        out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return lines;
    }
}
