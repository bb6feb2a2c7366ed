package dev.hikyaku.testworld.smtp;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The server side of one ESMTP connection: greeting, EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT and
 * STARTTLS, recording what it receives into a {@link SessionLog}.
 */
final class SmtpConversation {

    static final int MAX_LINE = 4096;
    static final int MAX_MESSAGE = 16 * 1024 * 1024;
    static final int MAX_RECIPIENTS = 1000;
    private static final byte[] CRLF = {'\r', '\n'};
    // Answers a ClientHello with text: the client's TLS layer cannot parse it and fails the handshake.
    private static final byte[] NOT_TLS = "this is not a TLS record\r\n".getBytes(StandardCharsets.US_ASCII);

    private final String hostname;
    private final MxBehaviour behaviour;
    private final SSLContext tlsContext;
    private final SessionLog log;
    private final Runnable ending;
    private Socket socket;
    private SmtpLineReader reader;
    private OutputStream out;
    private boolean tls;
    private boolean greeted;
    private String from;
    private List<String> mailParameters = List.of();
    private final List<String> recipients = new ArrayList<>();

    /**
     * {@code tlsContext} is only used, and only needed, when the behaviour is {@link MxBehaviour.StartTls};
     * {@code ending} runs before the server's last words (221, or the garbage after a broken STARTTLS).
     */
    SmtpConversation(String hostname, MxBehaviour behaviour, SSLContext tlsContext, SessionLog log, Runnable ending) {
        this.hostname = hostname;
        this.behaviour = behaviour;
        this.tlsContext = tlsContext;
        this.log = log;
        this.ending = ending;
    }

    void run(Socket raw) throws IOException {
        attach(raw);
        reply("220 " + hostname + " ESMTP Hikyaku test MX");
        boolean going = true;
        while (going) {
            String line;
            try {
                line = new String(reader.readLine(), StandardCharsets.UTF_8);
            } catch (LineTooLongException e) {
                reply("500 5.5.2 Line too long");
                continue;
            } catch (EOFException e) {
                return;
            }
            going = handle(line);
        }
    }

    /** Handles one command line and says whether the conversation goes on. */
    private boolean handle(String line) throws IOException {
        int space = line.indexOf(' ');
        String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        String argument = space < 0 ? "" : line.substring(space + 1).trim();
        switch (verb) {
            case "EHLO" -> ehlo(argument);
            case "HELO" -> helo(argument);
            case "MAIL" -> mail(argument);
            case "RCPT" -> rcpt(argument);
            case "DATA" -> data();
            case "RSET" -> {
                resetTransaction();
                reply("250 2.0.0 Ok");
            }
            case "NOOP" -> reply("250 2.0.0 Ok");
            case "VRFY" -> reply("252 2.5.2 Cannot verify, but will accept");
            case "QUIT" -> {
                ending.run();
                reply("221 2.0.0 " + hostname + " closing connection");
                return false;
            }
            case "STARTTLS" -> {
                return startTls();
            }
            default -> reply("500 5.5.1 Command unrecognized");
        }
        return true;
    }

    private void ehlo(String name) throws IOException {
        if (name.isEmpty()) {
            reply("501 5.5.4 EHLO needs a name");
            return;
        }
        greet(name);
        List<String> lines = new ArrayList<>();
        lines.add(hostname + " greets " + name);
        lines.add("SIZE " + MAX_MESSAGE);
        lines.add("8BITMIME");
        lines.add("ENHANCEDSTATUSCODES");
        if (offersTls() && !tls) {
            lines.add("STARTTLS");
        }
        if (tls && behaviour instanceof MxBehaviour.StartTls startTls && startTls.advertiseRequireTls()) {
            lines.add("REQUIRETLS");
        }
        lines.add("SMTPUTF8");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            text.append("250").append(i == lines.size() - 1 ? ' ' : '-').append(lines.get(i)).append("\r\n");
        }
        write(text.toString());
    }

    private void helo(String name) throws IOException {
        if (name.isEmpty()) {
            reply("501 5.5.4 HELO needs a name");
            return;
        }
        greet(name);
        reply("250 " + hostname);
    }

    private void greet(String name) {
        log.ehlo(name);
        greeted = true;
        resetTransaction();
    }

    private void mail(String argument) throws IOException {
        if (!greeted) {
            reply("503 5.5.1 Say EHLO first");
        } else if (from != null) {
            reply("503 5.5.1 Sender already given");
        } else {
            Optional<List<String>> path = parsePath(argument, "FROM:");
            if (path.isEmpty()) {
                reply("501 5.5.4 Syntax: MAIL FROM:<address>");
                return;
            }
            from = path.get().get(0);
            mailParameters = path.get().subList(1, path.get().size());
            reply("250 2.1.0 Ok");
        }
    }

    private void rcpt(String argument) throws IOException {
        if (from == null) {
            reply("503 5.5.1 Need MAIL first");
            return;
        }
        Optional<List<String>> path = parsePath(argument, "TO:");
        if (path.isEmpty() || path.get().get(0).isEmpty()) {
            reply("501 5.5.4 Syntax: RCPT TO:<address>");
        } else if (recipients.size() >= MAX_RECIPIENTS) {
            reply("452 4.5.3 Too many recipients");
        } else {
            recipients.add(path.get().get(0));
            reply("250 2.1.5 Ok");
        }
    }

    private void data() throws IOException {
        if (recipients.isEmpty()) {
            reply("503 5.5.1 Need RCPT first");
            return;
        }
        reply("354 End data with <CR><LF>.<CR><LF>");
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        boolean tooBig = false;
        while (true) {
            byte[] line;
            try {
                line = reader.readLine();
            } catch (LineTooLongException e) {
                tooBig = true;
                continue;
            }
            if (line.length == 1 && line[0] == '.') {
                break;
            }
            int start = line.length > 0 && line[0] == '.' ? 1 : 0;
            tooBig |= message.size() + line.length + CRLF.length > MAX_MESSAGE;
            if (!tooBig) {
                message.write(line, start, line.length - start);
                message.write(CRLF);
            }
        }
        if (tooBig) {
            reply("552 5.3.4 Message too big for this test MX");
        } else {
            log.message(new ReceivedMessage(from, mailParameters, recipients, message.toByteArray(), tls));
            reply("250 2.0.0 Ok: queued");
        }
        resetTransaction();
    }

    private boolean startTls() throws IOException {
        if (tls || !offersTls()) {
            reply("502 5.5.1 STARTTLS not offered here");
            return true;
        }
        reply("220 2.0.0 Ready to start TLS");
        if (behaviour instanceof MxBehaviour.BrokenStartTls) {
            ending.run();
            out.write(NOT_TLS);
            out.flush();
            return false;
        }
        MxBehaviour.StartTls startTls = (MxBehaviour.StartTls) behaviour;
        SSLSocket secured = (SSLSocket) tlsContext.getSocketFactory()
                .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        secured.setUseClientMode(false);
        if (!startTls.protocols().isEmpty()) {
            secured.setEnabledProtocols(startTls.protocols().toArray(String[]::new));
        }
        try {
            secured.startHandshake();
        } catch (IOException e) {
            log.tlsFailed(e.toString());
            return false;
        }
        SSLSession session = secured.getSession();
        log.tls(new TlsDetails(session.getProtocol(), session.getCipherSuite(), serverName(session)));
        // RFC 3207: after the handshake the client starts afresh with EHLO; anything buffered before is void.
        attach(secured);
        tls = true;
        greeted = false;
        resetTransaction();
        return true;
    }

    private boolean offersTls() {
        return behaviour instanceof MxBehaviour.StartTls || behaviour instanceof MxBehaviour.BrokenStartTls;
    }

    private void resetTransaction() {
        from = null;
        mailParameters = List.of();
        recipients.clear();
    }

    private void attach(Socket connected) throws IOException {
        socket = connected;
        reader = new SmtpLineReader(connected.getInputStream(), MAX_LINE);
        out = connected.getOutputStream();
    }

    private void reply(String line) throws IOException {
        write(line + "\r\n");
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The path (without angle brackets) followed by the ESMTP parameters, if the argument parses. */
    private static Optional<List<String>> parsePath(String argument, String prefix) {
        if (!argument.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Optional.empty();
        }
        String rest = argument.substring(prefix.length()).trim();
        if (!rest.startsWith("<")) {
            return Optional.empty();
        }
        int close = rest.indexOf('>');
        if (close < 0) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        parts.add(rest.substring(1, close));
        String parameters = rest.substring(close + 1).trim();
        if (!parameters.isEmpty()) {
            parts.addAll(Arrays.asList(parameters.split(" +")));
        }
        return Optional.of(parts);
    }

    private static Optional<String> serverName(SSLSession session) {
        if (session instanceof ExtendedSSLSession extended) {
            for (SNIServerName name : extended.getRequestedServerNames()) {
                if (name instanceof SNIHostName host) {
                    return Optional.of(host.getAsciiName());
                }
            }
        }
        return Optional.empty();
    }
}
