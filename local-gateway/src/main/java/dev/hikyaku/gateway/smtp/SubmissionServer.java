package dev.hikyaku.gateway.smtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SMTP submission listener: accepts mail clients on its endpoints and serves each on its own thread from
 * a bounded pool, handing credentials and messages to the {@link SubmissionHandler}. Over the session limit a
 * client is told {@code 421 4.3.2} and disconnected.
 */
public final class SubmissionServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SubmissionServer.class.getName());
    private static final int BACKLOG = 50;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    private static final Duration ACCEPT_RETRY = Duration.ofMillis(100);
    private static final Duration REFUSAL_TIMEOUT = Duration.ofSeconds(10);
    private static final int REFUSAL_QUEUE = 16;
    private static final Duration IDLE_THREAD = Duration.ofSeconds(30);

    private final SubmissionSettings settings;
    private final SubmissionHandler handler;
    private final List<ServerSocket> plain;
    private final List<ServerSocket> implicitTls;
    private final List<InetSocketAddress> plainAddresses;
    private final List<InetSocketAddress> implicitTlsAddresses;
    private final Semaphore slots;
    private final ThreadPoolExecutor sessions;
    private final ThreadPoolExecutor refusals;
    private final Set<Socket> live = ConcurrentHashMap.newKeySet();
    private final List<Thread> acceptors = new ArrayList<>();
    private volatile boolean closed;

    private SubmissionServer(SubmissionSettings settings, SubmissionHandler handler, List<ServerSocket> plain,
                             List<ServerSocket> implicitTls) {
        this.settings = settings;
        this.handler = handler;
        this.plain = List.copyOf(plain);
        this.implicitTls = List.copyOf(implicitTls);
        this.plainAddresses = addresses(plain);
        this.implicitTlsAddresses = addresses(implicitTls);
        int maxSessions = settings.limits().maxSessions();
        this.slots = new Semaphore(maxSessions);
        // The semaphore caps sessions; the queue only absorbs the moment between a slot's release and its
        // thread becoming idle, so it never holds a waiting client.
        this.sessions = new ThreadPoolExecutor(maxSessions, maxSessions, IDLE_THREAD.toSeconds(), TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads("hikyaku-smtp-session-"));
        this.sessions.allowCoreThreadTimeOut(true);
        this.refusals = new ThreadPoolExecutor(1, 1, IDLE_THREAD.toSeconds(), TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(REFUSAL_QUEUE), threads("hikyaku-smtp-refusal-"));
        this.refusals.allowCoreThreadTimeOut(true);
    }

    /**
     * Binds every endpoint of {@code settings} and starts accepting. Port 0 binds an ephemeral port; the
     * address methods tell which. Throws when an endpoint cannot be bound, leaving none bound.
     */
    public static SubmissionServer start(SubmissionSettings settings, SubmissionHandler handler) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(handler, "handler");
        List<ServerSocket> bound = new ArrayList<>();
        try {
            List<ServerSocket> plain = new ArrayList<>();
            for (InetSocketAddress address : settings.plainEndpoints()) {
                plain.add(bind(address, bound));
            }
            List<ServerSocket> implicitTls = new ArrayList<>();
            for (InetSocketAddress address : settings.implicitTlsEndpoints()) {
                implicitTls.add(bind(address, bound));
            }
            SubmissionServer server = new SubmissionServer(settings, handler, plain, implicitTls);
            server.startAccepting();
            return server;
        } catch (IOException | RuntimeException e) {
            bound.forEach(SubmissionServer::closeQuietly);
            throw e;
        }
    }

    /** The bound plain endpoints (STARTTLS offered when a TLS context was given), with their actual ports. */
    public List<InetSocketAddress> plainAddresses() {
        return plainAddresses;
    }

    /** The bound implicit-TLS endpoints, with their actual ports. */
    public List<InetSocketAddress> implicitTlsAddresses() {
        return implicitTlsAddresses;
    }

    /**
     * Stops accepting, closes every session's connection and waits a bounded time for the session threads;
     * a message not yet committed is abandoned by its session.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        plain.forEach(SubmissionServer::closeQuietly);
        implicitTls.forEach(SubmissionServer::closeQuietly);
        sessions.shutdown();
        refusals.shutdown();
        live.forEach(SubmissionServer::closeQuietly);
        try {
            if (!sessions.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                sessions.shutdownNow();
            }
            refusals.shutdownNow();
            for (Thread acceptor : acceptors) {
                acceptor.join(CLOSE_WAIT.toMillis());
            }
        } catch (InterruptedException e) {
            sessions.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void startAccepting() {
        for (ServerSocket server : plain) {
            acceptors.add(acceptor(server, false));
        }
        for (ServerSocket server : implicitTls) {
            acceptors.add(acceptor(server, true));
        }
        acceptors.forEach(Thread::start);
    }

    private Thread acceptor(ServerSocket server, boolean implicit) {
        Thread thread = new Thread(() -> accept(server, implicit),
                "hikyaku-smtp-accept-" + server.getLocalSocketAddress());
        thread.setDaemon(true);
        return thread;
    }

    private void accept(ServerSocket server, boolean implicit) {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                // Out of file descriptors or similar: wait a little rather than spin.
                LOG.log(System.Logger.Level.WARNING, "accepting a connection on {0} failed: {1}",
                        server.getLocalSocketAddress(), e.toString());
                if (!pause()) {
                    return;
                }
                continue;
            }
            handOver(socket, implicit);
        }
    }

    private void handOver(Socket socket, boolean implicit) {
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, settings.limits().idleTimeout().toMillis()));
        } catch (IOException e) {
            closeQuietly(socket);
            return;
        }
        if (!slots.tryAcquire()) {
            refuse(socket, implicit);
            return;
        }
        live.add(socket);
        try {
            sessions.execute(() -> serve(socket, implicit));
        } catch (RejectedExecutionException e) {
            live.remove(socket);
            slots.release();
            closeQuietly(socket);
        }
    }

    private void serve(Socket socket, boolean implicit) {
        try {
            new SmtpSession(transport(socket, implicit), settings.hostname(), settings.limits(), handler).run();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "session with {0} ended: {1}", socket.getRemoteSocketAddress(),
                    e.toString());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "session with " + socket.getRemoteSocketAddress() + " failed", e);
        } finally {
            closeQuietly(socket);
            live.remove(socket);
            slots.release();
        }
    }

    private SocketTransport transport(Socket socket, boolean implicit) throws IOException {
        return implicit ? SocketTransport.implicitTls(socket, settings.tls().orElseThrow())
                : SocketTransport.plain(socket, settings.tls());
    }

    private void refuse(Socket socket, boolean implicit) {
        try {
            refusals.execute(() -> tellTooMany(socket, implicit));
        } catch (RejectedExecutionException e) {
            // Even the refusals are queued up: this client just sees the connection close.
            closeQuietly(socket);
        }
    }

    private void tellTooMany(Socket socket, boolean implicit) {
        try (socket; SocketTransport transport = transport(socket, implicit)) {
            transport.readTimeout(REFUSAL_TIMEOUT);
            transport.open();
            new ReplyWriter(transport.output()).send(421, "4.3.2", settings.hostname() + " Too many connections"
                    + " (the limit is " + settings.limits().maxSessions() + "); try again later");
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "refusing {0} failed: {1}", socket.getRemoteSocketAddress(),
                    e.toString());
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(ACCEPT_RETRY.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ServerSocket bind(InetSocketAddress address, List<ServerSocket> bound) throws IOException {
        ServerSocket server = new ServerSocket();
        bound.add(server);
        server.bind(address, BACKLOG);
        return server;
    }

    private static List<InetSocketAddress> addresses(List<ServerSocket> servers) {
        return servers.stream().map(s -> (InetSocketAddress) s.getLocalSocketAddress()).toList();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is best effort: the peer may already be gone.
        }
    }
}
