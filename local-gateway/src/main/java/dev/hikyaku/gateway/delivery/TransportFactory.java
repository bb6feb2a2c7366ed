package dev.hikyaku.gateway.delivery;

import dev.hikyaku.gateway.auth.AuthMechanism;
import dev.hikyaku.gateway.auth.Credentials;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Makes unconnected transports to the upstream, each from a Jakarta Mail session configured once per kind:
 * the settings' TLS, timeouts and EHLO name, plus the one SASL mechanism the credentials are for and whether
 * commands may carry UTF-8.
 */
final class TransportFactory {

    /** What a session differs in: the AUTH mechanism (if any) and SMTPUTF8 commands. */
    private record Kind(Optional<AuthMechanism> mechanism, boolean utf8) {
    }

    private final UpstreamSettings settings;
    private final ScheduledExecutorService writeTimer;
    private final Map<Kind, Session> sessions = new ConcurrentHashMap<>();

    TransportFactory(UpstreamSettings settings, ScheduledExecutorService writeTimer) {
        this.settings = settings;
        this.writeTimer = writeTimer;
    }

    /** A transport not yet connected, for these credentials and (when {@code utf8}) UTF-8 envelopes. */
    TrackedTransport create(Optional<Credentials> credentials, boolean utf8) {
        Session session = sessions.computeIfAbsent(new Kind(credentials.map(Credentials::mechanism), utf8),
                this::session);
        return new TrackedTransport(session, new URLName("smtp", settings.host(), settings.port(), null, null, null));
    }

    private Session session(Kind kind) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        properties.put("mail.smtp.localhost", settings.ehloName());
        properties.put("mail.smtp.connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        properties.put("mail.smtp.timeout", Long.toString(settings.readTimeout().toMillis()));
        // A server that stops reading would otherwise block a write (a large DATA) for ever.
        properties.put("mail.smtp.writetimeout", Long.toString(settings.readTimeout().toMillis()));
        properties.put("mail.smtp.executor.writetimeout", writeTimer);
        properties.put("mail.smtp.socketFactory", new NoDelaySocketFactory());
        properties.put("mail.smtp.socketFactory.fallback", "false");
        properties.put("mail.smtp.ssl.socketFactory", new NoDelaySslSocketFactory(settings.trust().getSocketFactory()));
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        properties.put("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
        // QUIT without waiting for 221: closing a pooled connection must not hang on a server that went silent.
        properties.put("mail.smtp.quitwait", "false");
        switch (settings.security()) {
            case STARTTLS_REQUIRED -> {
                properties.put("mail.smtp.starttls.enable", "true");
                properties.put("mail.smtp.starttls.required", "true");
            }
            case IMPLICIT_TLS -> properties.put("mail.smtp.ssl.enable", "true");
            case NONE -> {
                // Loopback sinks only; UpstreamSettings refuses NONE for any other host.
            }
        }
        kind.mechanism().ifPresent(mechanism -> {
            properties.put("mail.smtp.auth", "true");
            // Exactly the client's mechanism: an explicit list also enables XOAUTH2, which Angus keeps off by default.
            properties.put("mail.smtp.auth.mechanisms", mechanism.name());
        });
        // Lets RCPT and MAIL carry UTF-8 addresses, and makes Angus add SMTPUTF8 when the upstream offers it.
        properties.put("mail.mime.allowutf8", Boolean.toString(kind.utf8()));
        return Session.getInstance(properties);
    }
}
