package dev.hikyaku.advisor.route;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.xbill.DNS.ResolverConfig;

/** What this computer offers when nothing is configured: its DNS resolver and its host name. */
public final class HostDefaults {
    private HostDefaults() {
    }

    /** The first resolver the OS names (resolv.conf, or the Windows and macOS equivalents dnsjava reads). */
    public static InetSocketAddress systemResolver() {
        List<InetSocketAddress> servers = ResolverConfig.getCurrentConfig().servers();
        return servers.isEmpty() ? new InetSocketAddress(InetAddress.getLoopbackAddress(), 53) : servers.get(0);
    }

    /** The name to greet SMTP servers with: strict servers reject a HELO that is not a host name. */
    public static String localHostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.matches("[A-Za-z0-9.-]{1,253}") ? name : "localhost";
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
