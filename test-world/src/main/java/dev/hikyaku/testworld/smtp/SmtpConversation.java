package dev.hikyaku.testworld.smtp;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The server side of one ESMTP connection: greeting, EHLO/HELO, AUTH, MAIL, RCPT, DATA, RSET, NOOP, QUIT and
 * STARTTLS (or implicit TLS), as its {@link ServerRules} say, recording what it receives into a {@link SessionLog}.
 */
final class SmtpConversation {

    static final int MAX_LINE = 4096;
    static final int MAX_MESSAGE = 16 * 1024 * 1024;
    static final int MAX_RECIPIENTS = 1000;
    private static final byte[] CRLF = {'\r', '\n'};
    // Answers a ClientHello with text: the client's TLS layer cannot parse it and fails the handshake.
    private static final byte[] NOT_TLS = "this is not a TLS record\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerRules rules;
    private final SessionLog log;
    private final Runnable ending;
    private Socket socket;
    private SmtpLineReader reader;
    private OutputStream out;
    private boolean tls;
    private boolean greeted;
    private String authenticatedUser;
    private String from;
    private List<String> mailParameters = List.of();
    private final List<String> recipients = new ArrayList<>();

    /** {@code ending} runs before the server's last words (221, or the garbage after a broken STARTTLS). */
    SmtpConversation(ServerRules rules, SessionLog log, Runnable ending) {
        this.rules = rules;
        this.log = log;
        this.ending = ending;
    }

    void run(Socket raw) throws IOException {
        attach(raw);
        if (rules.tls() == TlsOffer.IMPLICIT && !handshake()) {
            return;
        }
        reply("220 " + rules.hostname() + " ESMTP " + rules.greeting());
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
        log.command(verb.equals("AUTH") ? redactedAuth(argument) : line);
        switch (verb) {
            case "EHLO" -> ehlo(argument);
            case "HELO" -> helo(argument);
            case "AUTH" -> auth(argument);
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
                reply("221 2.0.0 " + rules.hostname() + " closing connection");
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
        lines.add(rules.hostname() + " greets " + name);
        lines.add("SIZE " + rules.maxMessage());
        if (rules.eightBitMime()) {
            lines.add("8BITMIME");
        }
        lines.add("ENHANCEDSTATUSCODES");
        if (offersStartTls() && !tls) {
            lines.add("STARTTLS");
        }
        if (requireTlsOffered()) {
            lines.add("REQUIRETLS");
        }
        if (authOffered()) {
            lines.add("AUTH " + String.join(" ", rules.authMechanisms()));
        }
        if (rules.smtpUtf8()) {
            lines.add("SMTPUTF8");
        }
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
        reply("250 " + rules.hostname());
    }

    private void greet(String name) {
        log.ehlo(name);
        greeted = true;
        resetTransaction();
    }

    private void auth(String argument) throws IOException {
        if (!authOffered()) {
            reply(rules.authMechanisms().isEmpty() || !offersStartTls() ? "503 5.5.1 Authentication not enabled"
                    : "530 5.7.0 Must issue a STARTTLS command first");
            return;
        }
        if (!greeted || authenticatedUser != null || from != null) {
            reply("503 5.5.1 AUTH is allowed once, after EHLO and outside a mail transaction");
            return;
        }
        String[] parts = argument.split(" ", 2);
        String mechanism = parts[0].toUpperCase(Locale.ROOT);
        Optional<String> initial = parts.length > 1 ? Optional.of(parts[1]) : Optional.empty();
        if (!rules.authMechanisms().contains(mechanism)) {
            reply("504 5.5.4 Unrecognized authentication type");
            return;
        }
        Optional<AuthAttempt> attempt;
        try {
            attempt = switch (mechanism) {
                case "PLAIN" -> plain(initial);
                case "LOGIN" -> login(initial);
                case "XOAUTH2" -> xoauth2(initial);
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException e) {
            reply("501 5.5.2 Cannot decode the response");
            return;
        }
        if (attempt.isEmpty()) {
            reply("501 5.7.0 Authentication cancelled or malformed");
            return;
        }
        log.auth(attempt.get());
        if (attempt.get().accepted()) {
            authenticatedUser = attempt.get().username();
            reply("235 2.7.0 Authentication successful");
        } else {
            reply("535 5.7.8 Authentication credentials invalid");
        }
    }

    private Optional<AuthAttempt> plain(Optional<String> initial) throws IOException {
        Optional<String> response = initial.isPresent() ? initial : challenge("");
        if (response.isEmpty()) {
            return Optional.empty();
        }
        String[] fields = decode(response.get()).split("\0", -1);
        if (fields.length != 3) {
            return Optional.empty();
        }
        String authzid = fields[0];
        String user = fields[1];
        boolean accepted = (authzid.isEmpty() || authzid.equals(user)) && accepts(user, fields[2], false);
        return Optional.of(new AuthAttempt("PLAIN", authzid, user, accepted));
    }

    private Optional<AuthAttempt> login(Optional<String> initial) throws IOException {
        Optional<String> user = initial.isPresent() ? initial : challenge("VXNlcm5hbWU6");
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> password = challenge("UGFzc3dvcmQ6");
        if (password.isEmpty()) {
            return Optional.empty();
        }
        String name = decode(user.get());
        return Optional.of(new AuthAttempt("LOGIN", "", name, accepts(name, decode(password.get()), false)));
    }

    /** RFC-less but widespread: {@code user=NAME^Aauth=Bearer TOKEN^A^A}, base64. */
    private Optional<AuthAttempt> xoauth2(Optional<String> initial) throws IOException {
        Optional<String> response = initial.isPresent() ? initial : challenge("");
        if (response.isEmpty()) {
            return Optional.empty();
        }
        String user = null;
        String token = null;
        for (String field : decode(response.get()).split("\u0001")) {
            if (field.startsWith("user=")) {
                user = field.substring("user=".length());
            } else if (field.startsWith("auth=Bearer ")) {
                token = field.substring("auth=Bearer ".length());
            }
        }
        if (user == null || token == null) {
            return Optional.empty();
        }
        return Optional.of(new AuthAttempt("XOAUTH2", "", user, accepts(user, token, true)));
    }

    /** Sends a 334 challenge and returns the client's answer, or empty when the client cancelled with "*". */
    private Optional<String> challenge(String challenge) throws IOException {
        reply("334 " + challenge);
        String answer = new String(reader.readLine(), StandardCharsets.US_ASCII).trim();
        return answer.equals("*") ? Optional.empty() : Optional.of(answer);
    }

    private boolean accepts(String user, String secret, boolean bearerToken) {
        return rules.accounts().stream().anyMatch(account -> account.bearerToken() == bearerToken
                && account.username().equals(user) && account.secret().equals(secret));
    }

    private static String decode(String base64) {
        return base64.equals("=") ? "" : new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static String redactedAuth(String argument) {
        String[] parts = argument.split(" ", 2);
        return "AUTH " + parts[0] + (parts.length > 1 ? " ***" : "");
    }

    private void mail(String argument) throws IOException {
        if (!greeted) {
            reply("503 5.5.1 Say EHLO first");
        } else if (from != null) {
            reply("503 5.5.1 Sender already given");
        } else if (rules.authRequired() && authenticatedUser == null) {
            reply("530 5.7.0 Authentication required");
        } else {
            Optional<List<String>> path = parsePath(argument, "FROM:");
            if (path.isEmpty()) {
                reply("501 5.5.4 Syntax: MAIL FROM:<address>");
                return;
            }
            List<String> parameters = path.get().subList(1, path.get().size());
            Optional<String> refusal = refusal(parameters);
            if (refusal.isPresent()) {
                reply(refusal.get());
                return;
            }
            from = path.get().get(0);
            mailParameters = parameters;
            reply("250 2.1.0 Ok");
        }
    }

    /** Why the MAIL FROM parameters are refused, if they are: too big, or not advertised by a strict server. */
    private Optional<String> refusal(List<String> parameters) {
        for (String parameter : parameters) {
            int equals = parameter.indexOf('=');
            String name = (equals < 0 ? parameter : parameter.substring(0, equals)).toUpperCase(Locale.ROOT);
            String value = equals < 0 ? "" : parameter.substring(equals + 1);
            if (name.equals("SIZE") && value.matches("[0-9]{1,18}") && Long.parseLong(value) > rules.maxMessage()) {
                return Optional.of("552 5.3.4 Message size exceeds fixed maximum message size");
            }
            if (rules.strictParameters() && !advertised(name, value)) {
                return Optional.of("555 5.5.4 Unsupported option: " + parameter);
            }
        }
        return Optional.empty();
    }

    private boolean advertised(String name, String value) {
        return switch (name) {
            case "SIZE" -> true;
            case "BODY" -> value.equalsIgnoreCase("7BIT")
                    || (value.equalsIgnoreCase("8BITMIME") && rules.eightBitMime());
            case "SMTPUTF8" -> rules.smtpUtf8();
            case "REQUIRETLS" -> requireTlsOffered();
            case "AUTH" -> authOffered();
            default -> false;
        };
    }

    private void rcpt(String argument) throws IOException {
        if (from == null) {
            reply("503 5.5.1 Need MAIL first");
            return;
        }
        Optional<List<String>> path = parsePath(argument, "TO:");
        if (path.isEmpty() || path.get().get(0).isEmpty()) {
            reply("501 5.5.4 Syntax: RCPT TO:<address>");
            return;
        }
        String recipient = path.get().get(0);
        Optional<String> scripted = rules.script().recipientReply(recipient);
        if (scripted.isPresent()) {
            reply(scripted.get());
        } else if (recipients.size() >= MAX_RECIPIENTS) {
            reply("452 4.5.3 Too many recipients");
        } else {
            recipients.add(recipient);
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
            tooBig |= message.size() + line.length + CRLF.length > rules.maxMessage();
            if (!tooBig) {
                message.write(line, start, line.length - start);
                message.write(CRLF);
            }
        }
        Optional<String> scripted = rules.script().takeDataReply();
        if (tooBig) {
            reply("552 5.3.4 Message too big for this test server");
        } else if (scripted.isPresent()) {
            reply(scripted.get());
        } else {
            log.message(new ReceivedMessage(from, mailParameters, recipients, message.toByteArray(), tls));
            reply("250 2.0.0 Ok: queued");
        }
        resetTransaction();
    }

    private boolean startTls() throws IOException {
        if (tls || !offersStartTls()) {
            reply("502 5.5.1 STARTTLS not offered here");
            return true;
        }
        reply("220 2.0.0 Ready to start TLS");
        if (rules.tls() == TlsOffer.BROKEN_STARTTLS) {
            ending.run();
            out.write(NOT_TLS);
            out.flush();
            return false;
        }
        if (!handshake()) {
            return false;
        }
        // RFC 3207: after the handshake the client starts afresh with EHLO; anything learnt before is void.
        greeted = false;
        authenticatedUser = null;
        resetTransaction();
        return true;
    }

    /** Turns the connection into TLS as the server and says whether that worked. */
    private boolean handshake() throws IOException {
        SSLSocket secured = (SSLSocket) rules.tlsContext().getSocketFactory()
                .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        secured.setUseClientMode(false);
        if (!rules.tlsProtocols().isEmpty()) {
            secured.setEnabledProtocols(rules.tlsProtocols().toArray(String[]::new));
        }
        try {
            secured.startHandshake();
        } catch (IOException e) {
            log.tlsFailed(e.toString());
            return false;
        }
        SSLSession session = secured.getSession();
        log.tls(new TlsDetails(session.getProtocol(), session.getCipherSuite(), serverName(session)));
        attach(secured);
        tls = true;
        return true;
    }

    private boolean offersStartTls() {
        return rules.tls() == TlsOffer.STARTTLS || rules.tls() == TlsOffer.BROKEN_STARTTLS;
    }

    private boolean requireTlsOffered() {
        return tls && rules.requireTls();
    }

    // Like a careful submission server: no AUTH in the clear where STARTTLS could protect it.
    private boolean authOffered() {
        return !rules.authMechanisms().isEmpty() && (tls || !offersStartTls());
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
