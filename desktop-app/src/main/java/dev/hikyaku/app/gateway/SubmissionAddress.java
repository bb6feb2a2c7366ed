package dev.hikyaku.app.gateway;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.List;

/** The address a mail client is told to submit to. */
public record SubmissionAddress(InetSocketAddress address) {
    /**
     * The address to show among those listened on: the IPv4 loopback when there is one, since every client
     * accepts it and not all take "::1".
     */
    public static SubmissionAddress preferred(List<InetSocketAddress> listening) {
        return new SubmissionAddress(listening.stream()
                .filter(address -> address.getAddress() instanceof Inet4Address)
                .findFirst()
                .orElse(listening.get(0)));
    }

    /** The address as a mail client's settings take it: {@code 127.0.0.1:10587}, {@code [::1]:10587}. */
    public String hostAndPort() {
        String host = address.getAddress().getHostAddress();
        String bracketed = host.contains(":") ? "[" + host + "]" : host;
        return bracketed + ":" + address.getPort();
    }
}
