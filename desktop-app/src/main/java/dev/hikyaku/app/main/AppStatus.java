package dev.hikyaku.app.main;

import dev.hikyaku.gateway.listen.ListenEndpoints;
import java.net.Inet4Address;
import java.net.InetSocketAddress;

/**
 * What runs and what does not, as the main window reports it.
 *
 * @param upstreamConfigured whether a real outgoing server is set up; without one Hikyaku is a sandbox
 * @param gatewayRunning whether the local submission listener accepts mail
 * @param submissionAddress the address the mail client is pointed at
 */
public record AppStatus(boolean upstreamConfigured, boolean gatewayRunning, InetSocketAddress submissionAddress) {
    /** The state on a fresh machine: nothing configured, the listener not started, the default address. */
    public static AppStatus embeddedDefault() {
        ListenEndpoints endpoints = ListenEndpoints.loopback(ListenEndpoints.DEFAULT_PORT);
        // Mail clients are told the IPv4 loopback: every client accepts it, not all take "::1".
        InetSocketAddress shown = endpoints.addresses().stream()
                .filter(address -> address.getAddress() instanceof Inet4Address)
                .findFirst()
                .orElse(endpoints.addresses().get(0));
        return new AppStatus(false, false, shown);
    }

    /** The address as a mail client's settings take it: {@code 127.0.0.1:10587}, {@code [::1]:10587}. */
    public String submissionHostAndPort() {
        String host = submissionAddress.getAddress().getHostAddress();
        String bracketed = host.contains(":") ? "[" + host + "]" : host;
        return bracketed + ":" + submissionAddress.getPort();
    }
}
