package dev.hikyaku.testworld.smtp;

import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * What one fixture SMTP server offers and how strictly it answers: the part of an {@link MxBehaviour} or a
 * {@link SubmissionBehaviour} that a {@link SmtpConversation} needs.
 *
 * @param hostname the name in the greeting and the EHLO answer
 * @param greeting the text after {@code 220 hostname ESMTP}
 * @param tls how TLS is offered
 * @param tlsContext the server's TLS context; null when {@code tls} needs none
 * @param tlsProtocols the TLS versions allowed; empty for the JDK's defaults
 * @param requireTls whether the EHLO answer over TLS lists REQUIRETLS
 * @param eightBitMime whether the EHLO answer lists 8BITMIME
 * @param smtpUtf8 whether the EHLO answer lists SMTPUTF8
 * @param authMechanisms the SASL mechanisms offered (over TLS when STARTTLS is offered); empty for no AUTH
 * @param authRequired whether MAIL needs a successful AUTH first
 * @param accounts the credentials AUTH accepts
 * @param strictParameters whether MAIL FROM parameters the server did not advertise are refused
 * @param script replies that replace the usual ones, changed by tests while the server runs
 * @param maxMessage the largest message accepted, in bytes
 */
record ServerRules(String hostname, String greeting, TlsOffer tls, SSLContext tlsContext, List<String> tlsProtocols,
        boolean requireTls, boolean eightBitMime, boolean smtpUtf8, List<String> authMechanisms, boolean authRequired,
        List<SubmissionAccount> accounts, boolean strictParameters, SubmissionScript script, int maxMessage) {

    ServerRules {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(tls, "tls");
        if ((tls == TlsOffer.STARTTLS || tls == TlsOffer.IMPLICIT) && tlsContext == null) {
            throw new IllegalArgumentException(tls + " needs a TLS context");
        }
        tlsProtocols = List.copyOf(tlsProtocols);
        authMechanisms = List.copyOf(authMechanisms);
        accounts = List.copyOf(accounts);
        Objects.requireNonNull(script, "script");
    }

    /** The rules of a receiving MX: liberal, no AUTH, never scripted. */
    static ServerRules forMx(String hostname, MxBehaviour behaviour, SSLContext tlsContext) {
        TlsOffer tls = TlsOffer.NONE;
        List<String> protocols = List.of();
        boolean requireTls = false;
        if (behaviour instanceof MxBehaviour.StartTls startTls) {
            tls = TlsOffer.STARTTLS;
            protocols = startTls.protocols();
            requireTls = startTls.advertiseRequireTls();
        } else if (behaviour instanceof MxBehaviour.BrokenStartTls) {
            tls = TlsOffer.BROKEN_STARTTLS;
        }
        return new ServerRules(hostname, "Hikyaku test MX", tls, tlsContext, protocols, requireTls, true, true,
                List.of(), false, List.of(), false, new SubmissionScript(), SmtpConversation.MAX_MESSAGE);
    }
}
