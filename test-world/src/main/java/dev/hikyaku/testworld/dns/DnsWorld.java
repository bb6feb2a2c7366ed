package dev.hikyaku.testworld.dns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Collectors;
import org.xbill.DNS.Name;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;

/**
 * A DNS server on 127.0.0.1 that answers from test zones over UDP and TCP on one ephemeral port,
 * the way a recursive resolver answers a client; signed zones are islands of security whose trust
 * anchors {@link #trustAnchors()} hands to a validator.
 *
 * <p>What it answers: names under a served zone get their data, NXDOMAIN or NODATA (SOA in the
 * authority section, NSEC proofs when the zone is signed and the query has DO); names under no
 * served zone get REFUSED. CNAME chains are followed across served zones; a chain that leaves them
 * is returned as far as it goes. The deepest served zone owns a name: there are no delegations, no
 * DS records in parents and no wildcard expansion ({@code *} is an ordinary label).
 *
 * <pre>{@code
 * try (DnsWorld world = DnsWorld.start()) {
 *   world.zone("example.test").add("@ MX 10 mx1").add("mx1 A 127.0.0.2");
 *   world.signedZone("secure.test").add("_25._tcp.mx TLSA 3 1 1 0123...");
 *   SimpleResolver resolver = world.resolver();
 * }
 * }</pre>
 */
public final class DnsWorld implements AutoCloseable {

    private static final int BIND_ATTEMPTS = 20;
    private static final int UDP_WORKERS = 4;

    private final Clock clock;
    private final ZoneRegistry zones;
    private final ExecutorService workers;
    private final ExecutorService connections;
    private final UdpEndpoint udp;
    private final TcpEndpoint tcp;
    private final InetSocketAddress address;

    private DnsWorld(Clock clock) throws IOException {
        this.clock = clock;
        this.zones = new ZoneRegistry();
        WireResponder responder = new WireResponder(new Answerer(zones));
        SocketPair sockets = SocketPair.bind();
        this.address =
                new InetSocketAddress(sockets.udp().getLocalAddress(), sockets.udp().getLocalPort());
        this.workers = Executors.newFixedThreadPool(UDP_WORKERS, daemons("dns-world-worker"));
        this.connections = Executors.newCachedThreadPool(daemons("dns-world-connection"));
        this.udp = new UdpEndpoint(sockets.udp(), responder, workers);
        this.tcp = new TcpEndpoint(sockets.tcp(), responder, connections);
        udp.start();
        tcp.start();
    }

    /** Starts a world with the system clock. */
    public static DnsWorld start() {
        return start(Clock.systemUTC());
    }

    /** Starts a world whose signatures are dated by {@code clock}. */
    public static DnsWorld start(Clock clock) {
        try {
            return new DnsWorld(clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a DNS server on 127.0.0.1", e);
        }
    }

    /** Adds an unsigned zone; its answers never validate as secure. */
    public Zone zone(String origin) {
        return register(new Zone(absolute(origin), Optional.empty(), clock));
    }

    /** Adds a zone signed with a fresh ECDSA P-256 key; see {@link Zone#trustAnchor()}. */
    public Zone signedZone(String origin) {
        Name name = absolute(origin);
        return register(new Zone(name, Optional.of(ZoneKey.generate(name)), clock));
    }

    /** The trust anchors (DS lines) of all signed zones, for {@code loadTrustAnchors}. */
    public String trustAnchors() {
        return zones.all().stream()
                .filter(Zone::isSigned)
                .sorted(Comparator.comparing(Zone::origin))
                .map(zone -> zone.trustAnchor() + "\n")
                .collect(Collectors.joining());
    }

    /** The address to send queries to: 127.0.0.1 and the port shared by UDP and TCP. */
    public InetSocketAddress address() {
        return address;
    }

    /** The port shared by UDP and TCP. */
    public int port() {
        return address.getPort();
    }

    /** A new dnsjava resolver aimed at this world, with a timeout generous enough for slow CI. */
    public SimpleResolver resolver() {
        SimpleResolver resolver = new SimpleResolver(address);
        resolver.setTimeout(Duration.ofSeconds(5));
        return resolver;
    }

    @Override
    public void close() throws IOException {
        try (tcp) {
            udp.close();
        } finally {
            workers.shutdownNow();
            connections.shutdownNow();
        }
    }

    private Zone register(Zone zone) {
        zones.register(zone);
        return zone;
    }

    private static Name absolute(String origin) {
        try {
            return Name.fromString(origin, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a domain name: " + origin, e);
        }
    }

    private static ThreadFactory daemons(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A UDP and a TCP socket bound to the same loopback port. */
    private record SocketPair(DatagramSocket udp, ServerSocket tcp) {

        static SocketPair bind() throws IOException {
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            BindException last = null;
            for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
                DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
                ServerSocket tcp = new ServerSocket();
                try {
                    tcp.bind(new InetSocketAddress(loopback, udp.getLocalPort()));
                    return new SocketPair(udp, tcp);
                } catch (BindException e) {
                    // The TCP side of that port is taken by someone else; try another port.
                    last = e;
                    udp.close();
                    tcp.close();
                }
            }
            throw last;
        }
    }
}
