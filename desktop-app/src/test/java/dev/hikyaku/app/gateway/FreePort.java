package dev.hikyaku.app.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A loopback port nothing listens on right now, for tests that start the real gateway (the config refuses port 0). */
public final class FreePort {
    private FreePort() {
    }

    /** A port free on both 127.0.0.1 and ::1 a moment ago. */
    public static int pick() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket v4 = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                 ServerSocket v6 = new ServerSocket(v4.getLocalPort(), 1, InetAddress.getByName("::1"))) {
                return v4.getLocalPort();
            } catch (IOException busyOnIpv6) {
                // The IPv4 port was taken on ::1; try another.
            }
        }
        throw new UncheckedIOException(new IOException("no free loopback port found"));
    }
}
