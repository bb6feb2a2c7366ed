package dev.hikyaku.gateway.smtp;

import dev.hikyaku.gateway.auth.AuthMechanism;
import dev.hikyaku.gateway.auth.AuthOutcome;
import dev.hikyaku.gateway.auth.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One AUTH command (RFC 4954): the SASL exchange with the client, the handler's verdict on the credentials
 * and the reply that carries it back. Neither replies nor logs ever contain what the client sent.
 */
final class AuthExchange {
    private static final System.Logger LOG = System.getLogger(AuthExchange.class.getName());
    private static final String USERNAME_CHALLENGE = "VXNlcm5hbWU6";
    private static final String PASSWORD_CHALLENGE = "UGFzc3dvcmQ6";
    private static final String XOAUTH2_ERROR = Base64.getEncoder().encodeToString(
            "{\"status\":\"401\",\"schemes\":\"bearer\"}".getBytes(StandardCharsets.US_ASCII));
    private static final Pattern ENHANCED = Pattern.compile("[245]\\.[0-9]{1,3}\\.[0-9]{1,3}");
    private static final int MAX_UPSTREAM_TEXT = 300;

    /**
     * How the exchange ended.
     *
     * @param user    the authenticated user name when the credentials were accepted
     * @param failure whether it counts as a failed attempt (refused or malformed credentials)
     */
    record Result(Optional<String> user, boolean failure) {
    }

    private final Conversation conversation;
    private final SubmissionHandler handler;
    private final int maxAuthLine;

    AuthExchange(Conversation conversation, SubmissionHandler handler, int maxAuthLine) {
        this.conversation = conversation;
        this.handler = handler;
        this.maxAuthLine = maxAuthLine;
    }

    /**
     * Runs {@code AUTH argument}. When {@code lastChance} and the attempt fails, the session is ended with 421
     * instead of the refusal.
     */
    Result run(String argument, boolean lastChance) throws IOException, SessionEnd {
        String[] words = argument.split(" ", -1);
        if (argument.isEmpty() || words.length > 2) {
            conversation.reply(501, "5.5.4", "Syntax: AUTH mechanism [initial-response]");
            return new Result(Optional.empty(), false);
        }
        Optional<AuthMechanism> mechanism = mechanism(words[0]);
        if (mechanism.isEmpty()) {
            conversation.reply(504, "5.5.4", "Unrecognized authentication mechanism: use PLAIN, LOGIN or XOAUTH2");
            return new Result(Optional.empty(), false);
        }
        Optional<String> initial = words.length == 2 ? Optional.of(words[1]) : Optional.empty();
        Credentials credentials;
        try {
            credentials = collect(mechanism.get(), initial);
        } catch (Cancelled e) {
            conversation.reply(501, "5.0.0", "Authentication cancelled");
            return new Result(Optional.empty(), false);
        } catch (CommandRefusal refusal) {
            return fail(refusal.reply(), lastChance);
        }
        return judge(credentials, lastChance);
    }

    private static Optional<AuthMechanism> mechanism(String name) {
        return Arrays.stream(AuthMechanism.values())
                .filter(m -> m.name().equals(name.toUpperCase(Locale.ROOT)))
                .findFirst();
    }

    /** The client's credentials, collected in as many steps as the mechanism takes. */
    private Credentials collect(AuthMechanism mechanism, Optional<String> initial)
            throws IOException, SessionEnd, CommandRefusal, Cancelled {
        Optional<Credentials> credentials;
        if (mechanism == AuthMechanism.LOGIN) {
            byte[] username = initial.isPresent() ? decodeInitial(initial.get()) : respond(USERNAME_CHALLENGE);
            byte[] password = respond(PASSWORD_CHALLENGE);
            try {
                credentials = SaslResponses.login(username, password);
            } finally {
                Arrays.fill(password, (byte) 0);
            }
        } else {
            byte[] response = initial.isPresent() ? decodeInitial(initial.get()) : respond("");
            try {
                credentials = mechanism == AuthMechanism.PLAIN
                        ? SaslResponses.plain(response) : SaslResponses.xoauth2(response);
            } finally {
                Arrays.fill(response, (byte) 0);
            }
        }
        return credentials.orElseThrow(() -> new CommandRefusal(501, "5.5.2", "The " + mechanism
                + " response is malformed; check the user name and password"));
    }

    /** Sends a 334 challenge and returns the decoded response. */
    private byte[] respond(String challenge) throws IOException, SessionEnd, CommandRefusal, Cancelled {
        conversation.reply(334, "", challenge);
        LineStatus status = conversation.readLine(maxAuthLine);
        conversation.requireClientWaited();
        ClientInput input = conversation.input();
        byte[] line = input.copyLine();
        input.wipe();
        if (status == LineStatus.TOO_LONG) {
            throw new CommandRefusal(500, "5.5.6", "Authentication exchange line is too long: the limit is "
                    + maxAuthLine + " octets");
        }
        if (line.length == 1 && line[0] == '*') {
            throw new Cancelled();
        }
        try {
            return decode(line);
        } finally {
            Arrays.fill(line, (byte) 0);
        }
    }

    private static byte[] decodeInitial(String response) throws CommandRefusal {
        // "=" stands for an empty initial response (RFC 4954 section 4).
        return response.equals("=") ? new byte[0] : decode(response.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] decode(byte[] base64) throws CommandRefusal {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new CommandRefusal(501, "5.5.2", "Cannot decode the response: it is not valid base64");
        }
    }

    private Result judge(Credentials credentials, boolean lastChance) throws IOException, SessionEnd {
        AuthOutcome outcome;
        try {
            outcome = handler.authenticate(credentials);
        } catch (RuntimeException e) {
            // The exception's message could quote what the handler was given; its type is enough here.
            LOG.log(System.Logger.Level.WARNING, "the submission handler failed to check credentials: {0}",
                    e.getClass().getName());
            outcome = new AuthOutcome.Unavailable("internal error");
        }
        if (outcome instanceof AuthOutcome.Accepted) {
            conversation.reply(235, "2.7.0", "Authentication successful");
            return new Result(Optional.of(credentials.username()), false);
        }
        if (outcome instanceof AuthOutcome.Refused refused) {
            Reply reply = refusal(refused);
            if (credentials.mechanism() == AuthMechanism.XOAUTH2) {
                // XOAUTH2 reports a refusal as a JSON challenge; the client answers it with an empty line.
                conversation.reply(334, "", XOAUTH2_ERROR);
                conversation.readLine(maxAuthLine);
                conversation.requireClientWaited();
                conversation.input().wipe();
            }
            if (reply.code() >= 500) {
                return fail(reply, lastChance);
            }
            conversation.reply(reply);
            return new Result(Optional.empty(), false);
        }
        String reason = ((AuthOutcome.Unavailable) outcome).reason();
        conversation.reply(454, "4.7.0", "Cannot check your credentials with the mail server now ("
                + ReplyText.printable(reason, MAX_UPSTREAM_TEXT, "no reason given") + "); try again later");
        return new Result(Optional.empty(), false);
    }

    private Result fail(Reply reply, boolean lastChance) throws IOException, SessionEnd {
        if (lastChance) {
            conversation.end(421, "4.7.0", "Too many failed authentication attempts (last: " + reply.code()
                    + " " + reply.text() + "). Check the user name and password; closing the connection");
        }
        conversation.reply(reply);
        return new Result(Optional.empty(), true);
    }

    /** The upstream's refusal made safe to replay: a 4xx/5xx code, a matching enhanced code, printable text. */
    private static Reply refusal(AuthOutcome.Refused refused) {
        int code = refused.code() >= 400 && refused.code() <= 599 ? refused.code() : 535;
        String enhanced = refused.enhanced();
        if (enhanced == null || !ENHANCED.matcher(enhanced).matches() || enhanced.charAt(0) - '0' != code / 100) {
            enhanced = code == 535 ? "5.7.8" : code / 100 + ".7.0";
        }
        String text = ReplyText.printable(refused.text() == null ? "" : refused.text(), MAX_UPSTREAM_TEXT,
                "Authentication failed");
        return new Reply(code, enhanced, text);
    }

    /** The client answered a challenge with "*" (RFC 4954): not a failed attempt. */
    private static final class Cancelled extends Exception {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super(null, null, false, false);
        }
    }
}
