package dev.hikyaku.gateway.smtp;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One client's session from greeting to close: command framing and sequencing, the pipelining and
 * synchronisation rules (as Postfix's {@code smtpd_forbid_unauth_pipelining}), STARTTLS and the limits.
 * Runs on one thread; only {@link IOException} (the client went away) leaves {@link #run()}.
 */
final class SmtpSession {
    private static final System.Logger LOG = System.getLogger(SmtpSession.class.getName());
    /** Commands after which the client must wait for the reply (RFC 2920 section 3.1, plus AUTH and STARTTLS). */
    private static final Set<String> ENDS_GROUP = Set.of(
            "EHLO", "HELO", "DATA", "STARTTLS", "AUTH", "QUIT", "NOOP", "VRFY");
    /** First words of HTTP and proxy requests: a web page is trying to talk to us through a browser. */
    private static final Set<String> OTHER_PROTOCOLS = Set.of(
            "GET", "POST", "PUT", "HEAD", "DELETE", "OPTIONS", "CONNECT", "PATCH");
    private static final Set<String> NOT_IMPLEMENTED = Set.of(
            "EXPN", "ETRN", "BDAT", "TURN", "ATRN", "SEND", "SOML", "SAML");

    private final SessionTransport transport;
    private final String hostname;
    private final SmtpLimits limits;
    private final SubmissionHandler handler;

    private Conversation conversation;
    private boolean greeted;
    private boolean extended;
    private Optional<String> authenticatedUser = Optional.empty();
    private MailTransaction transaction;
    private int commands;
    private int authFailures;

    SmtpSession(SessionTransport transport, String hostname, SmtpLimits limits, SubmissionHandler handler) {
        this.transport = transport;
        this.hostname = hostname;
        this.limits = limits;
        this.handler = handler;
    }

    /** Serves the client until it quits, goes away, or is sent away; closes the transport. */
    void run() throws IOException {
        try (transport) {
            try {
                transport.readTimeout(limits.idleTimeout());
                transport.open();
            } catch (IOException e) {
                // A failed TLS handshake: there is no channel to explain anything on.
                LOG.log(System.Logger.Level.DEBUG, "TLS handshake with {0} failed: {1}", transport.client(), e);
                return;
            }
            conversation = new Conversation(transport);
            try {
                greet();
                while (true) {
                    serveNextCommand();
                }
            } catch (SessionEnd e) {
                // The last reply, if one was due, has been sent.
            } catch (SocketTimeoutException e) {
                conversation.reply(421, "4.4.2", hostname + " Idle for more than "
                        + limits.idleTimeout().toSeconds() + " seconds; closing the connection");
            }
        }
    }

    private void greet() throws IOException, SessionEnd {
        if (clientSpokeFirst()) {
            conversation.requireClientWaited();
        }
        conversation.reply(220, "", hostname + " ESMTP Hikyaku submission gateway ready");
    }

    private boolean clientSpokeFirst() throws IOException {
        ClientInput input = conversation.input();
        Duration wait = limits.greetingWait();
        if (input.hasPendingInput() || wait.isZero() || transport.tlsActive()) {
            return input.hasPendingInput();
        }
        transport.readTimeout(wait);
        try {
            return input.awaitInput();
        } catch (SocketTimeoutException e) {
            return false;
        } finally {
            transport.readTimeout(limits.idleTimeout());
        }
    }

    private void serveNextCommand() throws IOException, SessionEnd {
        LineStatus status = conversation.readLine(limits.maxAuthLine());
        ClientInput input = conversation.input();
        try {
            serve(status, input);
        } finally {
            // An AUTH line or a SASL response may carry a secret: it should not linger in the buffers.
            input.wipe();
        }
    }

    private void serve(LineStatus status, ClientInput input) throws IOException, SessionEnd {
        if (++commands > limits.maxCommands()) {
            conversation.end(421, "4.7.0", "Too many commands in one session (the limit is "
                    + limits.maxCommands() + "); closing the connection. Connect again to go on");
        }
        if (status == LineStatus.TOO_LONG) {
            conversation.reply(500, "5.5.2", "Line too long: the limit is " + limits.maxCommandLine()
                    + " octets per command (" + limits.maxAuthLine() + " for AUTH)");
            return;
        }
        if (status == LineStatus.CONTAINS_NUL) {
            conversation.reply(500, "5.5.2", "The command contains a NUL character, which SMTP does not allow");
            return;
        }
        int length = input.length();
        byte[] raw = input.copyLine();
        Optional<String> line = utf8(raw);
        Arrays.fill(raw, (byte) 0);
        if (line.isEmpty()) {
            conversation.reply(500, "5.5.2", "The command is not valid UTF-8");
            return;
        }
        Command command = Command.parse(line.get());
        if (!command.verb().equals("AUTH") && length + 2 > limits.maxCommandLine()) {
            conversation.reply(500, "5.5.2", "Line too long: the limit is " + limits.maxCommandLine()
                    + " octets per command");
            return;
        }
        if (OTHER_PROTOCOLS.contains(command.verb()) || isHeaderLine(line.get())) {
            conversation.end(521, "5.7.0", "This is an SMTP server and that was not SMTP; closing the connection");
        }
        if (!pipeliningOffered() || ENDS_GROUP.contains(command.verb())) {
            conversation.requireClientWaited();
        }
        dispatch(command);
    }

    private static boolean isHeaderLine(String line) {
        int space = line.indexOf(' ');
        String word = space < 0 ? line : line.substring(0, space);
        return word.length() > 1 && word.endsWith(":");
    }

    private boolean pipeliningOffered() {
        return greetedWithEhlo();
    }

    private boolean greetedWithEhlo() {
        return greeted && extended;
    }

    private void dispatch(Command command) throws IOException, SessionEnd {
        switch (command.verb()) {
            case "EHLO" -> hello(command, true);
            case "HELO" -> hello(command, false);
            case "MAIL" -> mail(command);
            case "RCPT" -> recipient(command);
            case "DATA" -> data(command);
            case "RSET" -> reset(command);
            case "NOOP" -> conversation.reply(250, "2.0.0", "OK");
            case "QUIT" -> conversation.end(221, "2.0.0", hostname + " closing connection");
            case "VRFY" -> conversation.reply(252, "2.5.0", "Addresses are not verified here; send the message"
                    + " and it will be delivered as addressed");
            case "HELP" -> conversation.reply(214, "2.0.0", "Commands: EHLO HELO AUTH STARTTLS MAIL RCPT DATA"
                    + " RSET NOOP QUIT VRFY HELP");
            case "STARTTLS" -> startTls(command);
            case "AUTH" -> authenticate(command);
            default -> {
                if (NOT_IMPLEMENTED.contains(command.verb())) {
                    conversation.reply(502, "5.5.1", "Command not implemented");
                } else {
                    conversation.reply(500, "5.5.1", "Command not recognized; see HELP for the commands");
                }
            }
        }
    }

    private void hello(Command command, boolean ehlo) throws IOException {
        if (command.argument().isEmpty()) {
            conversation.reply(501, "5.5.4", "Syntax: " + command.verb() + " hostname");
            return;
        }
        greeted = true;
        extended = ehlo;
        transaction = null;
        if (!ehlo) {
            conversation.reply(250, "", hostname);
            return;
        }
        List<String> lines = new ArrayList<>(List.of(hostname + " greets you", "PIPELINING",
                "SIZE " + limits.maxMessageSize(), "8BITMIME", "SMTPUTF8", "ENHANCEDSTATUSCODES",
                "AUTH PLAIN LOGIN XOAUTH2"));
        if (transport.canStartTls()) {
            lines.add("STARTTLS");
        }
        conversation.replyLines(250, lines);
    }

    private void mail(Command command) throws IOException {
        if (!greeted) {
            conversation.reply(503, "5.5.1", "Send EHLO first");
            return;
        }
        if (transaction != null) {
            conversation.reply(503, "5.5.1", "A mail transaction is already open: send RSET to start over");
            return;
        }
        if (authenticatedUser.isEmpty() && authenticationRequired()) {
            conversation.reply(530, "5.7.0", "Authentication required: set your mail client to log in to the"
                    + " outgoing server with your account's user name and password");
            return;
        }
        try {
            PathArgument path = PathArgument.parse(command.argument(), "FROM:",
                    "Syntax: MAIL FROM:<address> [parameters]");
            MailParameters parameters = MailParameters.parse(path.parameters());
            checkAddress(path.address(), parameters.smtpUtf8(), true);
            if (parameters.declaredSize() > limits.maxMessageSize()) {
                throw new CommandRefusal(552, "5.3.4", "Message too big: the limit is " + limits.maxMessageSize()
                        + " bytes");
            }
            transaction = new MailTransaction(path.address(), parameters);
            conversation.reply(250, "2.1.0", "Sender OK");
        } catch (CommandRefusal refusal) {
            conversation.reply(refusal.reply());
        }
    }

    private boolean authenticationRequired() {
        try {
            return handler.authenticationRequired();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the submission handler failed to say whether AUTH is needed: {0}",
                    e.toString());
            return true;
        }
    }

    private void recipient(Command command) throws IOException {
        if (transaction == null) {
            conversation.reply(503, "5.5.1", "Send MAIL FROM first");
            return;
        }
        try {
            PathArgument path = PathArgument.parse(command.argument(), "TO:", "Syntax: RCPT TO:<address>");
            if (!path.parameters().isEmpty()) {
                throw new CommandRefusal(555, "5.5.4", "RCPT parameters are not supported here (DSN is not offered)");
            }
            checkAddress(path.address(), transaction.smtpUtf8(), false);
            if (transaction.recipientCount() >= limits.maxRecipients()) {
                throw new CommandRefusal(452, "4.5.3", "Too many recipients: the limit is " + limits.maxRecipients()
                        + " per message; send the rest in another message");
            }
            transaction.addRecipient(path.address());
            conversation.reply(250, "2.1.5", "Recipient OK");
        } catch (CommandRefusal refusal) {
            conversation.reply(refusal.reply());
        }
    }

    private static void checkAddress(String address, boolean utf8, boolean sender) throws CommandRefusal {
        if (address.isEmpty()) {
            if (sender) {
                return;
            }
            throw new CommandRefusal(501, "5.1.3", "The null address <> cannot be a recipient");
        }
        if (!utf8 && !AddressSyntax.isAscii(address)) {
            throw new CommandRefusal(553, "5.6.7", "The address has non-ASCII characters: the mail client must"
                    + " declare SMTPUTF8 in MAIL FROM to send them");
        }
        Optional<String> problem = AddressSyntax.problem(address, utf8);
        if (problem.isPresent()) {
            throw new CommandRefusal(501, sender ? "5.1.7" : "5.1.3",
                    (sender ? "Bad sender address syntax: " : "Bad recipient address syntax: ") + problem.get());
        }
    }

    private void data(Command command) throws IOException, SessionEnd {
        if (!command.argument().isEmpty()) {
            conversation.reply(501, "5.5.4", "Syntax: DATA (without arguments)");
            return;
        }
        if (transaction == null || transaction.recipientCount() == 0) {
            conversation.reply(503, "5.5.1", transaction == null ? "Send MAIL FROM and RCPT TO first"
                    : "No valid recipients: send RCPT TO first");
            return;
        }
        Envelope envelope = transaction.envelope(authenticatedUser, transport.client());
        transaction = null;
        new DataCommand(conversation, handler, limits).run(envelope);
    }

    private void reset(Command command) throws IOException {
        if (!command.argument().isEmpty()) {
            conversation.reply(501, "5.5.4", "Syntax: RSET (without arguments)");
            return;
        }
        transaction = null;
        conversation.reply(250, "2.0.0", "OK");
    }

    private void startTls(Command command) throws IOException, SessionEnd {
        if (transport.tlsActive()) {
            conversation.reply(503, "5.5.1", "TLS is already active");
            return;
        }
        if (!transport.canStartTls()) {
            conversation.reply(502, "5.5.1", "STARTTLS is not offered here");
            return;
        }
        if (!command.argument().isEmpty()) {
            conversation.reply(501, "5.5.4", "Syntax: STARTTLS (without arguments)");
            return;
        }
        if (transaction != null) {
            conversation.reply(503, "5.5.1", "A mail transaction is open: send RSET before STARTTLS");
            return;
        }
        conversation.reply(220, "2.0.0", "Ready to start TLS");
        try {
            transport.startTls();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "STARTTLS handshake with {0} failed: {1}", transport.client(), e);
            throw new SessionEnd();
        }
        // RFC 3207 section 4.2: forget everything learnt from the client before TLS.
        conversation = new Conversation(transport);
        greeted = false;
        extended = false;
        authenticatedUser = Optional.empty();
    }

    private void authenticate(Command command) throws IOException, SessionEnd {
        if (!greetedWithEhlo()) {
            conversation.reply(503, "5.5.1", "Send EHLO first");
            return;
        }
        if (authenticatedUser.isPresent()) {
            conversation.reply(503, "5.5.1", "Already authenticated");
            return;
        }
        if (transaction != null) {
            conversation.reply(503, "5.5.1", "AUTH is not allowed during a mail transaction");
            return;
        }
        boolean lastChance = authFailures + 1 >= limits.maxAuthFailures();
        AuthExchange.Result result = new AuthExchange(conversation, handler, limits.maxAuthLine())
                .run(command.argument(), lastChance);
        if (result.failure()) {
            authFailures++;
        }
        authenticatedUser = result.user();
    }

    private static Optional<String> utf8(byte[] line) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
