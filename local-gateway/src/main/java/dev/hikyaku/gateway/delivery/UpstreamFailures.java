package dev.hikyaku.gateway.delivery;

import dev.hikyaku.gateway.auth.Credentials;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/** Reads what went wrong with the upstream: exceptions and failure replies become problems and outcomes. */
final class UpstreamFailures {

    // Exception chains are short; the bound only guards against a cycle.
    private static final int MAX_CAUSES = 32;

    private final UpstreamSettings settings;

    UpstreamFailures(UpstreamSettings settings) {
        this.settings = settings;
    }

    /** What a failed connect (TCP, TLS, greeting, EHLO, STARTTLS, AUTH) means. */
    ConnectFailure connecting(MessagingException e, TrackedTransport transport, Optional<Credentials> credentials) {
        if (e instanceof AuthenticationFailedException) {
            if (credentials.isPresent() && transport.supportsExtension("AUTH")
                    && !transport.offersMechanism(credentials.get().mechanism().name())) {
                return new ConnectFailure.MechanismMissing(credentials.get().mechanism());
            }
            UpstreamReply reply = transport.lastReply();
            // 334: a challenge where a verdict was due (XOAUTH2 servers put their error there); still a refusal.
            if (reply.transientFailure() || reply.permanentFailure() || reply.code() == 334) {
                return new ConnectFailure.AuthRefused(reply);
            }
        }
        if (cause(e, IOException.class).isPresent()) {
            return new ConnectFailure.Unreachable(network(e));
        }
        UpstreamReply last = transport.lastReply();
        if (last.transientFailure() || last.permanentFailure()) {
            return new ConnectFailure.Unreachable(
                    UpstreamProblem.of("delivery.upstreamReply", settings.host(), last.line()));
        }
        // The server answered EHLO (or HELO) and still Angus gave up: STARTTLS was required and not offered.
        if (last.positive() && settings.security() == UpstreamSecurity.STARTTLS_REQUIRED
                && !transport.supportsExtension("STARTTLS")) {
            return new ConnectFailure.Unreachable(UpstreamProblem.of("delivery.noStartTls", settings.host()));
        }
        return new ConnectFailure.Unreachable(UpstreamProblem.of("delivery.connectionLost", settings.host(),
                detail(e)));
    }

    /** The problem behind a failure that is no SMTP reply: name lookup, connect, timeout, TLS, a dropped line. */
    UpstreamProblem network(Throwable e) {
        String host = settings.host();
        if (cause(e, UnknownHostException.class).isPresent()) {
            return UpstreamProblem.of("delivery.unknownHost", host);
        }
        if (cause(e, SocketTimeoutException.class).isPresent()) {
            return UpstreamProblem.of("delivery.timeout", host);
        }
        if (cause(e, ConnectException.class).isPresent() || cause(e, NoRouteToHostException.class).isPresent()) {
            return UpstreamProblem.of("delivery.connectFailed", host, Integer.toString(settings.port()), detail(e));
        }
        if (cause(e, CertPathBuilderException.class).isPresent()
                || cause(e, CertPathValidatorException.class).isPresent()) {
            return UpstreamProblem.of("delivery.untrusted", host, detail(e));
        }
        Optional<CertificateException> certificate = cause(e, CertificateException.class);
        if (certificate.isPresent() && String.valueOf(certificate.get().getMessage()).contains("matching")) {
            return UpstreamProblem.of("delivery.nameMismatch", host, detail(e));
        }
        if (cause(e, SSLException.class).isPresent()) {
            return UpstreamProblem.of("delivery.tlsFailed", host, detail(e));
        }
        return UpstreamProblem.of("delivery.connectionLost", host, detail(e));
    }

    /**
     * What a failure reply means for the recipients it concerns: 4xx defers, 5xx rejects, and an upstream
     * that wants authentication first defers until the user gives credentials.
     *
     * @param unauthenticated whether the transaction ran without AUTH on an upstream that offers AUTH
     */
    RecipientOutcome refusal(UpstreamReply reply, boolean unauthenticated) {
        boolean wantsAuth = reply.code() == 530
                || (unauthenticated && reply.permanentFailure() && reply.enhanced().startsWith("5.7."));
        if (wantsAuth) {
            return new RecipientOutcome.Deferred(
                    UpstreamProblem.of("delivery.authRequired", settings.host(), reply.line()), true);
        }
        if (reply.transientFailure()) {
            return new RecipientOutcome.Deferred(
                    UpstreamProblem.of("delivery.upstreamReply", settings.host(), reply.line()), false);
        }
        if (reply.permanentFailure()) {
            return new RecipientOutcome.Rejected(reply.code(), reply.enhanced(), reply.text());
        }
        return new RecipientOutcome.Deferred(
                UpstreamProblem.of("delivery.connectionLost", settings.host(), reply.line()), false);
    }

    /**
     * Whether a failed transaction means the connection itself broke (as a pooled connection the upstream
     * closed meanwhile does), rather than the upstream refusing something or the message file failing.
     */
    static boolean connectionBroke(MessagingException e) {
        if (cause(e, NulByteException.class).isPresent() || cause(e, MessageFileException.class).isPresent()) {
            return false;
        }
        if (cause(e, IOException.class).isPresent()) {
            return true;
        }
        return e instanceof SMTPSendFailedException failed
                && (failed.getReturnCode() == -1 || failed.getReturnCode() == 421);
    }

    /** The first exception of the type in the cause chain, the exception itself included. */
    static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        Throwable current = e;
        for (int i = 0; current != null && i < MAX_CAUSES; i++) {
            if (type.isInstance(current)) {
                return Optional.of(type.cast(current));
            }
            current = current.getCause();
        }
        return Optional.empty();
    }

    /** The innermost message of the chain: usually the most specific ("Connection refused", "PKIX ..."). */
    private static String detail(Throwable e) {
        String detail = e.getClass().getSimpleName();
        Throwable current = e;
        for (int i = 0; current != null && i < MAX_CAUSES; i++) {
            if (current.getMessage() != null && !current.getMessage().isBlank()) {
                detail = current.getMessage();
            }
            current = current.getCause();
        }
        return detail;
    }
}
