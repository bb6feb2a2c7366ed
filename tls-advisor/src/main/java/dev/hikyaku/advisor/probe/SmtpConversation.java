package dev.hikyaku.advisor.probe;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The client side of an SMTP dialogue under a hard deadline: every read is bounded by the time left, so a
 * tarpit that drips one byte a second cannot hold a probe beyond its budget. Replies are parsed defensively.
 */
final class SmtpConversation {
    private static final int MAX_LINE = 2048;
    private static final int MAX_LINES = 100;

    private final Clock clock;
    private final Instant deadline;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    SmtpConversation(Socket socket, Clock clock, Instant deadline) throws IOException {
        this.clock = clock;
        this.deadline = deadline;
        use(socket);
    }

    /** Continues the dialogue over another socket layered on the same connection (after STARTTLS). */
    void use(Socket upgraded) throws IOException {
        socket = upgraded;
        // Buffered per socket: plaintext bytes a server pipelines after "220 go ahead" die with the old buffer,
        // which is what RFC 3207 asks of a client (no STARTTLS command injection).
        in = new BufferedInputStream(upgraded.getInputStream());
        out = upgraded.getOutputStream();
    }

    /** Arms the socket's read timeout with the time left; call before any blocking read, TLS handshakes too. */
    void armTimeout() throws IOException {
        long left = Duration.between(clock.instant(), deadline).toMillis();
        if (left <= 0) {
            throw new SocketTimeoutException("probe time budget used up");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
    }

    /**
     * The connection's bytes with every read bounded by the deadline, for a caller that speaks something other
     * than SMTP on it (the legacy TLS hello).
     */
    InputStream rawInput() {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                armTimeout();
                return super.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                armTimeout();
                return super.read(buffer, offset, length);
            }
        };
    }

    void send(String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    SmtpReply readReply() throws IOException {
        List<String> lines = new ArrayList<>();
        int code = -1;
        while (lines.size() < MAX_LINES) {
            String line = readLine();
            if (line.length() < 3 || !Character.isDigit(line.charAt(0)) || !Character.isDigit(line.charAt(1))
                    || !Character.isDigit(line.charAt(2))) {
                throw new MalformedReplyException("reply line does not start with a code: " + printable(line));
            }
            int lineCode = Integer.parseInt(line.substring(0, 3));
            if (code != -1 && lineCode != code) {
                throw new MalformedReplyException("multi-line reply changes its code");
            }
            code = lineCode;
            char separator = line.length() > 3 ? line.charAt(3) : ' ';
            lines.add(printable(line.length() > 4 ? line.substring(4) : ""));
            if (separator == ' ') {
                return new SmtpReply(code, lines);
            }
            if (separator != '-') {
                throw new MalformedReplyException("reply line has no ' ' or '-' after its code");
            }
        }
        throw new MalformedReplyException("reply longer than " + MAX_LINES + " lines");
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            armTimeout();
            int b = in.read();
            if (b < 0) {
                throw new ConnectionClosedException();
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new MalformedReplyException("reply line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }

    // Server text ends up in evidence shown to users and stored: no control characters, no escapes.
    private static String printable(String text) {
        return text.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** The server sent something that is not SMTP. */
    static final class MalformedReplyException extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedReplyException(String message) {
            super(message);
        }
    }

    /** The server closed the connection where a reply was due. */
    static final class ConnectionClosedException extends IOException {
        private static final long serialVersionUID = 1L;

        ConnectionClosedException() {
            super("server closed the connection");
        }
    }
}
