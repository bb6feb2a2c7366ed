package dev.hikyaku.testworld.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A receiving SMTP server (an "MX") inside the test JVM, on a loopback address, behaving as told and
 * recording every connection.
 */
public final class MxServer implements MxHost {

    /** The name the MX greets with. */
    public static final String HOSTNAME = "mx.fixture.test";
    // Safety bound only: a forgotten client must not pin a worker thread for ever.
    private static final int READ_TIMEOUT_MILLIS = 30_000;
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final MxBehaviour behaviour;
    private final ServerRules rules;
    private final ServerSocket listener;
    private final ExecutorService workers;
    private final Thread acceptor;
    private final ConnectionCounter counter = new ConnectionCounter();
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final List<SessionLog> sessions = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private volatile Duration greetingDelay = Duration.ZERO;

    private MxServer(MxBehaviour behaviour, ServerSocket listener) {
        this.behaviour = behaviour;
        SSLContext tlsContext = behaviour instanceof MxBehaviour.StartTls startTls
                ? startTls.certificate().serverContext() : null;
        this.rules = ServerRules.forMx(HOSTNAME, behaviour, tlsContext);
        this.listener = listener;
        String name = "mx-" + listener.getInetAddress().getHostAddress() + ":" + listener.getLocalPort();
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, name + "-session-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.acceptor = new Thread(this::acceptLoop, name + "-accept");
        this.acceptor.setDaemon(true);
    }

    /** Starts an MX on an ephemeral port of 127.0.0.1. */
    public static MxServer start(MxBehaviour behaviour) throws IOException {
        return start(behaviour, new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
    }

    /** Starts an MX on the given loopback address and port (port 0 for an ephemeral one). */
    public static MxServer start(MxBehaviour behaviour, InetSocketAddress address) throws IOException {
        Objects.requireNonNull(behaviour, "behaviour");
        if (address.isUnresolved() || !address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("test MX servers listen on loopback only, not on " + address);
        }
        ServerSocket listener = new ServerSocket();
        try {
            listener.bind(address, 64);
        } catch (IOException e) {
            listener.close();
            throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        MxServer server = new MxServer(behaviour, listener);
        server.acceptor.start();
        return server;
    }

    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /**
     * Waits {@code delay} before answering each new connection, as a server far away on the network would seem
     * to: benches use it to see whether work that waits on many servers overlaps.
     */
    public void delayGreetings(Duration delay) {
        greetingDelay = delay;
    }

    /** The behaviour this MX was started with. */
    public MxBehaviour behaviour() {
        return behaviour;
    }

    /** Every connection so far, oldest first, each as far as it has got. */
    public List<SmtpSession> sessions() {
        return sessions.stream().map(SessionLog::snapshot).toList();
    }

    /** Every message accepted so far, over all connections, oldest first. */
    public List<ReceivedMessage> messages() {
        return sessions().stream().flatMap(session -> session.messages().stream()).toList();
    }

    /** How many connections this MX has accepted. */
    public int connectionCount() {
        return counter.total();
    }

    /** How many connections are open right now. */
    public int openConnections() {
        return counter.open();
    }

    /**
     * The most connections that were open at the same time. A connection stops counting when the server
     * ends it (QUIT, 421, close) or sees the client close it; a client that drops a connection without
     * QUIT and reconnects at once may briefly overlap with itself.
     */
    public int peakConcurrentConnections() {
        return counter.peak();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(listener);
        // Closing the raw sockets wakes every worker blocked in a read, TLS or not.
        openSockets.forEach(MxServer::closeQuietly);
        workers.shutdownNow();
        try {
            workers.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            acceptor.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void setNoDelay(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            // A socket that cannot take the option is already broken; its session fails on its own.
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                // accept fails for good once close() has closed the listener; anything else is retried.
                if (listener.isClosed()) {
                    return;
                }
                continue;
            }
            // Real MTAs answer without Nagle delays; without this every probe of the fixture pays ~40 ms.
            setNoDelay(socket);
            SessionLog log = new SessionLog(counter.opened());
            sessions.add(log);
            openSockets.add(socket);
            Runnable ending = endingOnce();
            try {
                workers.execute(() -> serve(socket, log, ending));
            } catch (RejectedExecutionException e) {
                finish(socket, ending);
            }
        }
    }

    /**
     * Marks a connection as no longer open, once. A session ends before the server's last words, so a
     * client that has read them and connects again is not counted as a concurrent connection.
     */
    private Runnable endingOnce() {
        AtomicBoolean ended = new AtomicBoolean();
        return () -> {
            if (ended.compareAndSet(false, true)) {
                counter.closed();
            }
        };
    }

    private void serve(Socket socket, SessionLog log, Runnable ending) {
        try {
            if (!greetingDelay.isZero()) {
                Thread.sleep(greetingDelay.toMillis());
            }
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            if (behaviour instanceof MxBehaviour.Tarpit) {
                socket.setSoTimeout(0);
                swallow(socket.getInputStream());
            } else if (behaviour instanceof MxBehaviour.Greet421) {
                ending.run();
                OutputStream out = socket.getOutputStream();
                out.write(("421 4.3.2 " + HOSTNAME + " Service not available, closing transmission channel\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } else if (behaviour instanceof MxBehaviour.CloseAtOnce) {
                ending.run();
            } else {
                new SmtpConversation(rules, log, ending).run(socket);
            }
        } catch (IOException e) {
            // A client that drops the line ends its session (handshake failures are logged where they happen);
            // tests provoke exactly that, so there is nothing to report.
        } catch (InterruptedException e) {
            // The server is closing while a greeting waits.
            Thread.currentThread().interrupt();
        } finally {
            finish(socket, ending);
        }
    }

    private void finish(Socket socket, Runnable ending) {
        ending.run();
        closeQuietly(socket);
        openSockets.remove(socket);
    }

    private static void swallow(InputStream in) throws IOException {
        byte[] sink = new byte[1024];
        while (in.read(sink) >= 0) {
            // A tarpit reads to keep the client's writes from blocking, and never answers.
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is best effort: the socket may already be gone, and there is nothing left to tell.
        }
    }
}
