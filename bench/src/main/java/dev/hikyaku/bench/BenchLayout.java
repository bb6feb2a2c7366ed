package dev.hikyaku.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Which MX hosts each bench domain has and which loopback server each host name lives on: 50 domains over 23
 * host names over 10 servers, so several domains share a host (the prober's per-host cache) and several host
 * names share an address (the prober's one-connection-per-address rule).
 */
final class BenchLayout {
    /** The zone every bench name lives in. */
    static final String ZONE = "bench.test";
    /** Servers 0..7 (127.0.0.2..127.0.0.9) speak STARTTLS. */
    static final int TLS_SERVERS = 8;
    /** Server 8 (127.0.0.10) is plain ESMTP without STARTTLS. */
    static final int PLAIN_SERVER = 8;
    /** Server 9 (127.0.0.11) accepts and never speaks, so a domain using it waits out the probe budget. */
    static final int TARPIT_SERVER = 9;
    /** Servers in all. */
    static final int SERVERS = 10;
    static final int DOMAINS = 50;
    private static final int TLS_HOSTS = 20;
    private static final String TARPIT_HOST = "backup." + ZONE;
    private static final List<Integer> TARPIT_BACKED = List.of(5, 29);

    /** One bench domain and its MX host names, by preference. */
    record Domain(String name, List<String> mxHosts) {
        /** Copies the host list. */
        Domain {
            mxHosts = List.copyOf(mxHosts);
        }
    }

    /** One MX host name and the index of the server its A record points at. */
    record Host(String name, int server) {
    }

    List<Domain> domains() {
        List<Domain> domains = new ArrayList<>();
        for (int k = 0; k < DOMAINS; k++) {
            domains.add(new Domain(String.format("d%02d.%s", k, ZONE), mxHosts(k)));
        }
        return domains;
    }

    List<Host> hosts() {
        List<Host> hosts = new ArrayList<>();
        for (int j = 0; j < TLS_HOSTS; j++) {
            hosts.add(new Host(tlsHost(j), j % TLS_SERVERS));
        }
        hosts.add(new Host(plainHost(1), PLAIN_SERVER));
        hosts.add(new Host(plainHost(2), PLAIN_SERVER));
        hosts.add(new Host(TARPIT_HOST, TARPIT_SERVER));
        return hosts;
    }

    /** The host names a STARTTLS server's certificate must cover: every name pointing at it. */
    List<String> namesOn(int server) {
        return hosts().stream().filter(host -> host.server() == server).map(Host::name).toList();
    }

    private static List<String> mxHosts(int k) {
        if (k % 12 == 11) {
            return List.of(plainHost(1 + (k / 12) % 2));
        }
        if (TARPIT_BACKED.contains(k)) {
            return List.of(tlsHost(k % TLS_HOSTS), TARPIT_HOST);
        }
        return k % 2 == 0 ? List.of(tlsHost(k % TLS_HOSTS), tlsHost((k + 7) % TLS_HOSTS)) : List.of(tlsHost(k % TLS_HOSTS));
    }

    private static String tlsHost(int j) {
        return String.format("mx%02d.%s", j, ZONE);
    }

    private static String plainHost(int n) {
        return "plain" + n + "." + ZONE;
    }
}
