package dev.hikyaku.advisor.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * Probes one address of one MX the way a sending MTA would meet it: banner, EHLO, STARTTLS, handshake with SNI,
 * EHLO again, QUIT. It records what it saw and judges nothing; the whole probe is bounded by the settings'
 * budget.
 */
public final class StartTlsProbe {
    private final ProbeSettings settings;
    private final Clock clock;
    private final SecureRandom random;

    /** A probe with the given wire settings, clock (for the budget) and randomness (for TLS). */
    public StartTlsProbe(ProbeSettings settings, Clock clock, SecureRandom random) {
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    /** Probes {@code address}, which belongs to MX host {@code mxHost} (sent as SNI). */
    public ProbeOutcome probe(String mxHost, InetAddress address) {
        Instant deadline = clock.instant().plus(settings.budget());
        try (Socket socket = new Socket()) {
            Optional<ProbeOutcome> notConnected = connect(socket, address);
            if (notConnected.isPresent()) {
                return notConnected.get();
            }
            SmtpConversation smtp = new SmtpConversation(socket, clock, deadline);
            Greeted greeted;
            try {
                greeted = greet(smtp);
            } catch (Unjudged e) {
                return e.outcome;
            }
            if (!greeted.keywords().contains("STARTTLS")) {
                quietly(smtp);
                return new ProbeOutcome.NoStartTls(greeted.banner(), greeted.keywords());
            }
            Optional<ProbeOutcome> refused = startTls(smtp, greeted.banner());
            if (refused.isPresent()) {
                return refused.get();
            }
            return handshake(socket, smtp, mxHost, address, greeted.banner(), deadline);
        } catch (IOException e) {
            return new ProbeOutcome.NoAnswer("connection failed: " + e.getMessage());
        }
    }

    private Optional<ProbeOutcome> connect(Socket socket, InetAddress address) {
        try {
            // Each SMTP command waits for its reply; Nagle's algorithm would hold small writes back ~40 ms.
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(address, settings.port()), (int) settings.connectTimeout().toMillis());
            return Optional.empty();
        } catch (SocketTimeoutException e) {
            return Optional.of(new ProbeOutcome.NoAnswer("connection timed out"));
        } catch (ConnectException e) {
            return Optional.of(new ProbeOutcome.NoAnswer("connection refused"));
        } catch (IOException e) {
            return Optional.of(new ProbeOutcome.NoAnswer("cannot connect: " + e.getMessage()));
        }
    }

    /** The greeting and EHLO a server gave us. */
    private record Greeted(String banner, List<String> keywords) {
    }

    /** A server that did not let the dialogue reach STARTTLS; carries the outcome to report. */
    private static final class Unjudged extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient ProbeOutcome outcome;

        Unjudged(ProbeOutcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    private Greeted greet(SmtpConversation smtp) throws Unjudged {
        try {
            SmtpReply greeting = smtp.readReply();
            String banner = greeting.summary();
            if (greeting.code() != 220) {
                throw new Unjudged(new ProbeOutcome.Refused(banner, "greeting was not 220"));
            }
            smtp.send("EHLO " + settings.ehloName());
            SmtpReply ehlo;
            try {
                ehlo = smtp.readReply();
            } catch (IOException e) {
                throw new Unjudged(new ProbeOutcome.Refused(banner, "no EHLO answer: " + e.getMessage()));
            }
            if (!ehlo.positive()) {
                throw new Unjudged(new ProbeOutcome.Refused(banner, "EHLO answered " + ehlo.summary()));
            }
            return new Greeted(banner, keywords(ehlo));
        } catch (SocketTimeoutException e) {
            throw new Unjudged(new ProbeOutcome.NoAnswer("no greeting within the time budget"));
        } catch (SmtpConversation.ConnectionClosedException e) {
            throw new Unjudged(new ProbeOutcome.NoAnswer("closed before the greeting"));
        } catch (IOException e) {
            throw new Unjudged(new ProbeOutcome.NoAnswer("broken greeting: " + e.getMessage()));
        }
    }

    private static Optional<ProbeOutcome> startTls(SmtpConversation smtp, String banner) {
        try {
            smtp.send("STARTTLS");
            SmtpReply ready = smtp.readReply();
            return ready.code() == 220 ? Optional.empty()
                    : Optional.of(new ProbeOutcome.StartTlsFailed(banner, "STARTTLS answered " + ready.summary()));
        } catch (IOException e) {
            return Optional.of(new ProbeOutcome.StartTlsFailed(banner, "STARTTLS dialogue broke: " + e.getMessage()));
        }
    }

    private ProbeOutcome handshake(Socket plain, SmtpConversation smtp, String mxHost, InetAddress address,
                                   String banner, Instant deadline) {
        ChainRecorder recorder = new ChainRecorder();
        SSLSocket tls;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {recorder}, random);
            tls = (SSLSocket) context.getSocketFactory().createSocket(plain, mxHost, settings.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            serverName(mxHost).ifPresent(name -> parameters.setServerNames(List.of(name)));
            tls.setSSLParameters(parameters);
            smtp.use(tls);
            smtp.armTimeout();
            tls.startHandshake();
        } catch (SSLHandshakeException e) {
            return legacyOrFailed(mxHost, address, banner, deadline, e);
        } catch (IOException e) {
            return new ProbeOutcome.StartTlsFailed(banner, "TLS handshake broke: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's TLS implementation is unavailable", e);
        }
        SSLSession session = tls.getSession();
        TlsSession seen = new TlsSession(session.getProtocol(), session.getCipherSuite(), recorder.chain());
        List<String> after = List.of();
        try {
            smtp.send("EHLO " + settings.ehloName());
            SmtpReply ehlo = smtp.readReply();
            if (ehlo.positive()) {
                after = keywords(ehlo);
            }
            quietly(smtp);
        } catch (IOException e) {
            // The handshake is what we came for; a server hanging up after it changes nothing.
        }
        return new ProbeOutcome.Tls(banner, seen, after);
    }

    /**
     * A failed modern handshake may mean the server only speaks TLS 1.0/1.1: ask again on a fresh connection
     * with a legacy hello, so such a server is reported as weak TLS and not as failing STARTTLS.
     */
    private ProbeOutcome legacyOrFailed(String mxHost, InetAddress address, String banner, Instant deadline,
                                        SSLHandshakeException failure) {
        ProbeOutcome failed = new ProbeOutcome.StartTlsFailed(banner, "TLS handshake failed: " + failure.getMessage());
        try (Socket socket = new Socket()) {
            if (connect(socket, address).isPresent()) {
                return failed;
            }
            SmtpConversation smtp = new SmtpConversation(socket, clock, deadline);
            Greeted greeted = greet(smtp);
            if (!greeted.keywords().contains("STARTTLS") || startTls(smtp, banner).isPresent()) {
                return failed;
            }
            return new LegacyHello(random).ask(smtp.rawInput(), socket.getOutputStream(), mxHost)
                    .<ProbeOutcome>map(answer -> new ProbeOutcome.LegacyTlsOnly(banner, answer.protocol(), answer.chain()))
                    .orElse(failed);
        } catch (IOException | Unjudged e) {
            return failed;
        }
    }

    private static Optional<SNIHostName> serverName(String host) {
        try {
            return Optional.of(new SNIHostName(host.endsWith(".") ? host.substring(0, host.length() - 1) : host));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<String> keywords(SmtpReply ehlo) {
        return ehlo.lines().stream().skip(1)
                .map(line -> line.strip().split("[ =]", 2)[0].toUpperCase(Locale.ROOT))
                .filter(keyword -> !keyword.isEmpty())
                .toList();
    }

    private static void quietly(SmtpConversation smtp) {
        try {
            smtp.send("QUIT");
            smtp.readReply();
        } catch (IOException e) {
            // Politeness only: the probe's result is already decided.
        }
    }
}
