package dev.hikyaku.bench;

import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.dns.DnsWorld;
import dev.hikyaku.testworld.dns.Zone;
import dev.hikyaku.testworld.smtp.MxBehaviour;
import dev.hikyaku.testworld.smtp.MxGroup;
import dev.hikyaku.testworld.smtp.MxServer;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** The loopback world the bench runs in: a DNS server answering the bench zone, a fixture CA and the MX servers. */
final class BenchWorld implements AutoCloseable {
    private final BenchLayout layout;
    private final DnsWorld dns;
    private final FixtureCa ca;
    private final MxGroup mx;

    private BenchWorld(BenchLayout layout, DnsWorld dns, FixtureCa ca, MxGroup mx) {
        this.layout = layout;
        this.dns = dns;
        this.ca = ca;
        this.mx = mx;
    }

    /** Starts the servers of {@code layout} on 127.0.0.2.. and publishes its domains. */
    static BenchWorld start(BenchLayout layout) throws IOException {
        FixtureCa ca = FixtureCa.create();
        DnsWorld dns = DnsWorld.start();
        try {
            publish(layout, dns.zone(BenchLayout.ZONE));
            // Started last, so nothing that can fail comes after it and leaves its sockets open.
            return new BenchWorld(layout, dns, ca, MxGroup.start(behaviours(layout, ca)));
        } catch (IOException | RuntimeException e) {
            dns.close();
            throw e;
        }
    }

    private static List<MxBehaviour> behaviours(BenchLayout layout, FixtureCa ca) {
        List<MxBehaviour> behaviours = new ArrayList<>();
        for (int server = 0; server < BenchLayout.SERVERS; server++) {
            if (server == BenchLayout.PLAIN_SERVER) {
                behaviours.add(MxBehaviour.plain());
            } else if (server == BenchLayout.TARPIT_SERVER) {
                behaviours.add(MxBehaviour.tarpit());
            } else {
                behaviours.add(MxBehaviour.startTls(ca.server(layout.namesOn(server).toArray(String[]::new))));
            }
        }
        return behaviours;
    }

    private static void publish(BenchLayout layout, Zone zone) {
        for (BenchLayout.Domain domain : layout.domains()) {
            for (int i = 0; i < domain.mxHosts().size(); i++) {
                zone.add(domain.name() + ". MX " + (10 * (i + 1)) + " " + domain.mxHosts().get(i) + ".");
            }
        }
        for (BenchLayout.Host host : layout.hosts()) {
            zone.add(host.name() + ". A " + MxGroup.addressOf(host.server()).getHostAddress());
        }
    }

    BenchLayout layout() {
        return layout;
    }

    DnsWorld dns() {
        return dns;
    }

    FixtureCa ca() {
        return ca;
    }

    /** The port every MX server listens on. */
    int smtpPort() {
        return mx.port();
    }

    /** The first STARTTLS server's address and one host name it serves: the target of the probe comparison. */
    InetAddress firstTlsAddress() {
        return MxGroup.addressOf(0);
    }

    String firstTlsHost() {
        return layout.namesOn(0).get(0);
    }

    /** TCP connections the MX servers have accepted so far, all together. */
    int connections() {
        return mx.servers().stream().mapToInt(MxServer::connectionCount).sum();
    }

    /** The most connections any one MX server ever had open at once. */
    int peakConnectionsPerAddress() {
        return mx.servers().stream().mapToInt(MxServer::peakConcurrentConnections).max().orElse(0);
    }

    @Override
    public void close() throws IOException {
        try (dns) {
            mx.close();
        }
    }
}
