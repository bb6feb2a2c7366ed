package dev.hikyaku.testworld.smtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One listening period of a restartable fixture server: a bound loopback socket, the thread accepting on it
 * and one thread per connection. Closing it closes the listener and every connection it accepted.
 */
final class Acceptor implements AutoCloseable {

    /** What the server does with one accepted connection. */
    interface Sessions {

        /** Called on the accepting thread, in connection order; returns what the connection's thread runs. */
        Session open(int number);
    }

    /** The work of one connection; {@code ending} marks it no longer open and may run more than once. */
    interface Session {
        void serve(Socket socket, Runnable ending) throws IOException;
    }

    // Safety bound only: a forgotten client must not pin a worker thread for ever.
    private static final int READ_TIMEOUT_MILLIS = 30_000;
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final ServerSocket listener;
    private final ConnectionCounter counter;
    private final Sessions sessions;
    private final ExecutorService workers;
    private final Thread acceptor;
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private Acceptor(ServerSocket listener, String name, ConnectionCounter counter, Sessions sessions) {
        this.listener = listener;
        this.counter = counter;
        this.sessions = sessions;
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, name + "-session-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.acceptor = new Thread(this::acceptLoop, name + "-accept");
        this.acceptor.setDaemon(true);
    }

    /** Binds the loopback address (port 0 for an ephemeral one) and starts accepting. */
    static Acceptor listen(InetSocketAddress address, String name, ConnectionCounter counter, Sessions sessions)
            throws IOException {
        if (address.isUnresolved() || !address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("test servers listen on loopback only, not on " + address);
        }
        ServerSocket listener = new ServerSocket();
        try {
            // A restart binds the same port again while the old connections may still linger in TIME_WAIT.
            listener.setReuseAddress(true);
            listener.bind(address, 64);
        } catch (IOException e) {
            listener.close();
            throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        Acceptor acceptor = new Acceptor(listener, name, counter, sessions);
        acceptor.acceptor.start();
        return acceptor;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(listener);
        // Closing the raw sockets wakes every worker blocked in a read, TLS or not.
        openSockets.forEach(Acceptor::closeQuietly);
        workers.shutdownNow();
        try {
            workers.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            acceptor.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
            // Real servers answer without Nagle delays; without this every small reply may wait ~40 ms.
            try {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            } catch (IOException e) {
                // A socket that cannot take the options is already broken; its session fails on its own.
            }
            Session session = sessions.open(counter.opened());
            openSockets.add(socket);
            Runnable ending = endingOnce();
            try {
                workers.execute(() -> serve(session, socket, ending));
            } catch (RejectedExecutionException e) {
                finish(socket, ending);
            }
        }
    }

    private Runnable endingOnce() {
        AtomicBoolean ended = new AtomicBoolean();
        return () -> {
            if (ended.compareAndSet(false, true)) {
                counter.closed();
            }
        };
    }

    private void serve(Session session, Socket socket, Runnable ending) {
        try {
            session.serve(socket, ending);
        } catch (IOException e) {
            // A client that drops the line ends its session; tests provoke exactly that.
        } finally {
            finish(socket, ending);
        }
    }

    private void finish(Socket socket, Runnable ending) {
        ending.run();
        closeQuietly(socket);
        openSockets.remove(socket);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is best effort: the socket may already be gone, and there is nothing left to tell.
        }
    }
}
