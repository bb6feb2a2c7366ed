package dev.hikyaku.testworld.smtp;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Several MX servers on 127.0.0.2, 127.0.0.3, ... that all listen on the same port number, the way a
 * prober configured with one SMTP port sees the MX hosts of a domain.
 */
public final class MxGroup implements AutoCloseable {

    private static final int ATTEMPTS = 5;

    private final List<MxServer> servers;

    private MxGroup(List<MxServer> servers) {
        this.servers = List.copyOf(servers);
    }

    /** Starts one MX per behaviour, the first on 127.0.0.2, the next on 127.0.0.3, and so on. */
    public static MxGroup start(List<MxBehaviour> behaviours) throws IOException {
        if (behaviours.isEmpty() || behaviours.size() > 250) {
            throw new IllegalArgumentException("an MX group has 1 to 250 servers, not " + behaviours.size());
        }
        BindException lastClash = null;
        // The port is free on 127.0.0.2 but may be taken on another address; then try another port.
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<MxServer> started = new ArrayList<>();
            try {
                for (int i = 0; i < behaviours.size(); i++) {
                    int port = started.isEmpty() ? 0 : started.get(0).address().getPort();
                    started.add(MxServer.start(behaviours.get(i), new InetSocketAddress(addressOf(i), port)));
                }
                return new MxGroup(started);
            } catch (IOException e) {
                started.forEach(MxServer::close);
                if (!(e.getCause() instanceof BindException clash)) {
                    throw e;
                }
                lastClash = clash;
            }
        }
        throw new IOException("no port was free on all " + behaviours.size() + " loopback addresses", lastClash);
    }

    /** The loopback address of the i-th server (0-based): 127.0.0.2 + i. */
    public static InetAddress addressOf(int index) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (2 + index)});
        } catch (IOException e) {
            throw new IllegalStateException("a four-byte address is always valid", e);
        }
    }

    /** The port every server of the group listens on. */
    public int port() {
        return servers.get(0).address().getPort();
    }

    /** The servers, in the order of the behaviours given. */
    public List<MxServer> servers() {
        return servers;
    }

    /** The i-th server (0-based). */
    public MxServer server(int index) {
        return servers.get(index);
    }

    @Override
    public void close() {
        servers.forEach(MxServer::close);
    }
}
