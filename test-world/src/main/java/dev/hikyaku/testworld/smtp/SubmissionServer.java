package dev.hikyaku.testworld.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * A user's outgoing (submission) mail server inside the test JVM, on a loopback address: STARTTLS or implicit
 * TLS, AUTH PLAIN/LOGIN/XOAUTH2 against known accounts, replies a test can script, and a record of every
 * connection. It can be stopped and started again on the same port, as when the real server goes down and
 * comes back.
 */
public final class SubmissionServer implements AutoCloseable {

    /** The name the server greets with. */
    public static final String HOSTNAME = "smtp.fixture.test";

    private final SubmissionBehaviour behaviour;
    private final ServerRules rules;
    private final SubmissionScript script = new SubmissionScript();
    private final ConnectionCounter counter = new ConnectionCounter();
    private final List<SessionLog> sessions = new CopyOnWriteArrayList<>();
    private final InetSocketAddress address;
    private Acceptor acceptor;
    private boolean closed;

    private SubmissionServer(SubmissionBehaviour behaviour, InetSocketAddress requested) throws IOException {
        this.behaviour = behaviour;
        this.rules = rules(behaviour, script);
        this.acceptor = listen(requested);
        this.address = acceptor.address();
    }

    /** Starts a server on an ephemeral port of 127.0.0.1. */
    public static SubmissionServer start(SubmissionBehaviour behaviour) throws IOException {
        return start(behaviour, new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
    }

    /** Starts a server on the given loopback address and port (port 0 for an ephemeral one). */
    public static SubmissionServer start(SubmissionBehaviour behaviour, InetSocketAddress address) throws IOException {
        Objects.requireNonNull(behaviour, "behaviour");
        return new SubmissionServer(behaviour, address);
    }

    /** The address the server listens on, the same across {@link #stop} and {@link #restart}. */
    public InetSocketAddress address() {
        return address;
    }

    /** The behaviour this server was started with. */
    public SubmissionBehaviour behaviour() {
        return behaviour;
    }

    /** The replies a test can change while the server runs. */
    public SubmissionScript script() {
        return script;
    }

    /**
     * Goes down: stops listening (connecting is refused) and drops every open connection without a word.
     * The record of past connections stays.
     */
    public synchronized void stop() {
        if (acceptor != null) {
            acceptor.close();
            acceptor = null;
        }
    }

    /** Comes back on the same address and port after {@link #stop}; does nothing while running. */
    public synchronized void restart() throws IOException {
        if (closed) {
            throw new IllegalStateException("the server is closed");
        }
        if (acceptor == null) {
            acceptor = listen(address);
        }
    }

    /** Whether the server is listening now. */
    public synchronized boolean isRunning() {
        return acceptor != null;
    }

    /** Every connection so far, over all restarts, oldest first, each as far as it has got. */
    public List<SubmissionSession> sessions() {
        return sessions.stream().map(SessionLog::submissionSnapshot).toList();
    }

    /** Every message accepted so far, over all connections, oldest first. */
    public List<ReceivedMessage> messages() {
        return sessions().stream().flatMap(session -> session.messages().stream()).toList();
    }

    /** How many connections this server has accepted, over all restarts. */
    public int connectionCount() {
        return counter.total();
    }

    /** How many connections are open right now. */
    public int openConnections() {
        return counter.open();
    }

    /** The most connections that were open at the same time. */
    public int peakConcurrentConnections() {
        return counter.peak();
    }

    @Override
    public synchronized void close() {
        closed = true;
        stop();
    }

    private Acceptor listen(InetSocketAddress on) throws IOException {
        String name = "submission-" + on.getAddress().getHostAddress() + ":" + on.getPort();
        return Acceptor.listen(on, name, counter, number -> {
            SessionLog log = new SessionLog(number);
            sessions.add(log);
            return (socket, ending) -> new SmtpConversation(rules, log, ending).run(socket);
        });
    }

    private static ServerRules rules(SubmissionBehaviour behaviour, SubmissionScript script) {
        TlsOffer tls = switch (behaviour.tls()) {
            case NONE -> TlsOffer.NONE;
            case STARTTLS -> TlsOffer.STARTTLS;
            case IMPLICIT -> TlsOffer.IMPLICIT;
        };
        SSLContext context = behaviour.certificate().map(certificate -> certificate.serverContext()).orElse(null);
        return new ServerRules(HOSTNAME, "Hikyaku test submission", tls, context, List.of(),
                behaviour.advertiseRequireTls(), behaviour.advertiseEightBitMime(), behaviour.advertiseSmtpUtf8(),
                behaviour.offersAuth() ? behaviour.authMechanisms() : List.of(), behaviour.authRequired(),
                behaviour.accounts(), true, script, behaviour.maxMessage());
    }
}
