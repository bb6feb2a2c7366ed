package dev.hikyaku.gateway.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * The connections to the upstream: at most a fixed number open at once, in use or idle; idle ones are kept
 * per {@link PoolKey} for the next message and closed once unused for longer than the idle timeout. Closing a
 * connection (QUIT) happens outside the pool's lock, so a slow upstream never holds up other threads.
 */
final class ConnectionPool implements AutoCloseable {

    /** A connection waiting for its next message. */
    private record Idle(TrackedTransport transport, Instant since) {
    }

    /**
     * The right to use one connection. {@code idle} is a connection to reuse; when empty the holder opens a
     * new one. Every lease goes back through {@link #release}.
     */
    record Lease(PoolKey key, Optional<TrackedTransport> idle) {
    }

    private final int maxConnections;
    private final Duration idleTimeout;
    private final Clock clock;
    private final Semaphore permits;
    private final Map<PoolKey, Deque<Idle>> idle = new HashMap<>();
    private int inUse;
    private boolean closed;

    ConnectionPool(int maxConnections, Duration idleTimeout, Clock clock) {
        this.maxConnections = maxConnections;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
        this.permits = new Semaphore(maxConnections, true);
    }

    /**
     * Waits until fewer than the maximum connections are in use, then hands out the most recently used idle
     * connection for the key, if {@code reuse} allows one and there is one. Throws IllegalStateException once
     * closed.
     */
    Lease acquire(PoolKey key, boolean reuse) throws InterruptedException {
        permits.acquire();
        List<TrackedTransport> toClose = new ArrayList<>();
        try {
            synchronized (this) {
                if (closed) {
                    permits.release();
                    throw new IllegalStateException("the upstream client is closed");
                }
                inUse++;
                collectExpired(toClose);
                Deque<Idle> mine = idle.get(key);
                if (reuse && mine != null && !mine.isEmpty()) {
                    return new Lease(key, Optional.of(mine.pollFirst().transport()));
                }
                // A new connection is coming: make room among other keys' idle connections.
                while (inUse + idleCount() > maxConnections) {
                    toClose.add(pollOldest());
                }
                return new Lease(key, Optional.empty());
            }
        } finally {
            toClose.forEach(ConnectionPool::quit);
        }
    }

    /**
     * Gives the lease back; {@code transport} (null when none was opened) is kept for the key's next message
     * when {@code keep} says it is healthy, otherwise closed.
     */
    void release(Lease lease, TrackedTransport transport, boolean keep) {
        boolean kept = false;
        synchronized (this) {
            inUse--;
            if (transport != null && keep && !closed) {
                idle.computeIfAbsent(lease.key(), unused -> new ArrayDeque<>())
                        .addFirst(new Idle(transport, clock.instant()));
                kept = true;
            }
        }
        permits.release();
        if (transport != null && !kept) {
            quit(transport);
        }
    }

    /** Closes every idle connection for the key: one of them turned out broken, the others likely are too. */
    void discardIdle(PoolKey key) {
        List<TrackedTransport> toClose = new ArrayList<>();
        synchronized (this) {
            Deque<Idle> mine = idle.remove(key);
            if (mine != null) {
                mine.forEach(entry -> toClose.add(entry.transport()));
            }
        }
        toClose.forEach(ConnectionPool::quit);
    }

    /** Closes the connections idle for longer than the idle timeout. */
    void closeExpired() {
        List<TrackedTransport> toClose = new ArrayList<>();
        synchronized (this) {
            collectExpired(toClose);
        }
        toClose.forEach(ConnectionPool::quit);
    }

    /** How many connections are idle now. */
    synchronized int idleCount() {
        return idle.values().stream().mapToInt(Deque::size).sum();
    }

    /** Closes the idle connections; connections in use are closed when they come back. */
    @Override
    public void close() {
        List<TrackedTransport> toClose = new ArrayList<>();
        synchronized (this) {
            closed = true;
            idle.values().forEach(entries -> entries.forEach(entry -> toClose.add(entry.transport())));
            idle.clear();
        }
        toClose.forEach(ConnectionPool::quit);
    }

    private void collectExpired(List<TrackedTransport> toClose) {
        Instant limit = clock.instant().minus(idleTimeout);
        for (Iterator<Deque<Idle>> entries = idle.values().iterator(); entries.hasNext(); ) {
            Deque<Idle> deque = entries.next();
            deque.removeIf(entry -> {
                boolean expired = entry.since().isBefore(limit);
                if (expired) {
                    toClose.add(entry.transport());
                }
                return expired;
            });
            if (deque.isEmpty()) {
                entries.remove();
            }
        }
    }

    private TrackedTransport pollOldest() {
        Deque<Idle> oldest = null;
        for (Deque<Idle> deque : idle.values()) {
            if (!deque.isEmpty() && (oldest == null || deque.peekLast().since().isBefore(oldest.peekLast().since()))) {
                oldest = deque;
            }
        }
        if (oldest == null) {
            throw new IllegalStateException("no idle connection to make room with");
        }
        TrackedTransport transport = oldest.pollLast().transport();
        idle.values().removeIf(Deque::isEmpty);
        return transport;
    }

    /** QUIT and close, best effort: a connection being thrown away owes nobody an error. */
    private static void quit(TrackedTransport transport) {
        try {
            transport.close();
        } catch (Exception e) {
            // Nothing to do: the socket is closed either way, and no message depends on this connection.
        }
    }
}
