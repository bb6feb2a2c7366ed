package dev.hikyaku.testworld.smtp;

import dev.hikyaku.testworld.ca.Issued;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a fixture submission server (a user's outgoing mail server) offers. Make one with {@link #plain},
 * {@link #startTls} or {@link #implicitTls} and change it with the {@code with...} methods.
 *
 * @param tls how TLS is offered
 * @param certificate the server's key and chain; present exactly when {@code tls} is not {@code NONE}
 * @param advertiseRequireTls whether the EHLO answer over TLS lists REQUIRETLS (RFC 8689)
 * @param advertiseEightBitMime whether the EHLO answer lists 8BITMIME
 * @param advertiseSmtpUtf8 whether the EHLO answer lists SMTPUTF8
 * @param authMechanisms the SASL mechanisms offered, upper case; with STARTTLS they are offered over TLS only
 * @param authRequired whether MAIL without a successful AUTH is answered 530
 * @param accounts the credentials AUTH accepts; AUTH is offered when there are any or when it is required
 * @param maxMessage the largest message accepted, in bytes (the whole message is kept in memory)
 */
public record SubmissionBehaviour(SubmissionTls tls, Optional<Issued> certificate, boolean advertiseRequireTls,
        boolean advertiseEightBitMime, boolean advertiseSmtpUtf8, List<String> authMechanisms, boolean authRequired,
        List<SubmissionAccount> accounts, int maxMessage) {

    /** The mechanisms offered unless told otherwise. */
    public static final List<String> DEFAULT_MECHANISMS = List.of("PLAIN", "LOGIN", "XOAUTH2");

    /** Checks that a certificate comes exactly with TLS and copies the lists. */
    public SubmissionBehaviour {
        if ((tls == SubmissionTls.NONE) != certificate.isEmpty()) {
            throw new IllegalArgumentException("a certificate goes with STARTTLS or implicit TLS, and only with them");
        }
        authMechanisms = authMechanisms.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
        accounts = List.copyOf(accounts);
        if (maxMessage <= 0) {
            throw new IllegalArgumentException("maxMessage must be positive");
        }
    }

    /** A server without TLS that needs no AUTH and advertises 8BITMIME and SMTPUTF8. */
    public static SubmissionBehaviour plain() {
        return new SubmissionBehaviour(SubmissionTls.NONE, Optional.empty(), false, true, true, DEFAULT_MECHANISMS,
                false, List.of(), SmtpConversation.MAX_MESSAGE);
    }

    /** A server offering STARTTLS with the certificate, needing no AUTH yet. */
    public static SubmissionBehaviour startTls(Issued certificate) {
        return new SubmissionBehaviour(SubmissionTls.STARTTLS, Optional.of(certificate), false, true, true,
                DEFAULT_MECHANISMS, false, List.of(), SmtpConversation.MAX_MESSAGE);
    }

    /** A server speaking TLS from the first byte with the certificate, needing no AUTH yet. */
    public static SubmissionBehaviour implicitTls(Issued certificate) {
        return new SubmissionBehaviour(SubmissionTls.IMPLICIT, Optional.of(certificate), false, true, true,
                DEFAULT_MECHANISMS, false, List.of(), SmtpConversation.MAX_MESSAGE);
    }

    /** The same server, listing REQUIRETLS over TLS. */
    public SubmissionBehaviour withRequireTls() {
        return new SubmissionBehaviour(tls, certificate, true, advertiseEightBitMime, advertiseSmtpUtf8,
                authMechanisms, authRequired, accounts, maxMessage);
    }

    /** The same server, without 8BITMIME in its EHLO answer. */
    public SubmissionBehaviour withoutEightBitMime() {
        return new SubmissionBehaviour(tls, certificate, advertiseRequireTls, false, advertiseSmtpUtf8,
                authMechanisms, authRequired, accounts, maxMessage);
    }

    /** The same server, without SMTPUTF8 in its EHLO answer. */
    public SubmissionBehaviour withoutSmtpUtf8() {
        return new SubmissionBehaviour(tls, certificate, advertiseRequireTls, advertiseEightBitMime, false,
                authMechanisms, authRequired, accounts, maxMessage);
    }

    /** The same server, requiring AUTH before MAIL and accepting these credentials. */
    public SubmissionBehaviour withAuthRequired(SubmissionAccount... accepted) {
        return new SubmissionBehaviour(tls, certificate, advertiseRequireTls, advertiseEightBitMime,
                advertiseSmtpUtf8, authMechanisms, true, List.of(accepted), maxMessage);
    }

    /** The same server, offering AUTH with these credentials but not requiring it. */
    public SubmissionBehaviour withAuthOptional(SubmissionAccount... accepted) {
        return new SubmissionBehaviour(tls, certificate, advertiseRequireTls, advertiseEightBitMime,
                advertiseSmtpUtf8, authMechanisms, false, List.of(accepted), maxMessage);
    }

    /** The same server, offering only these SASL mechanisms. */
    public SubmissionBehaviour withAuthMechanisms(String... mechanisms) {
        return new SubmissionBehaviour(tls, certificate, advertiseRequireTls, advertiseEightBitMime,
                advertiseSmtpUtf8, List.of(mechanisms), authRequired, accounts, maxMessage);
    }

    /** The same server, accepting messages up to this many bytes. */
    public SubmissionBehaviour withMaxMessage(int bytes) {
        return new SubmissionBehaviour(tls, certificate, advertiseRequireTls, advertiseEightBitMime,
                advertiseSmtpUtf8, authMechanisms, authRequired, accounts, bytes);
    }

    /** Whether the server offers AUTH at all. */
    public boolean offersAuth() {
        return (authRequired || !accounts.isEmpty()) && !authMechanisms.isEmpty();
    }
}
