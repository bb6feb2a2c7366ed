package dev.hikyaku.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class AppStatusTest {
    @Test
    void embeddedDefaultIsAnUnconfiguredSandboxOnTheIpv4Loopback() {
        AppStatus status = AppStatus.embeddedDefault();
        assertFalse(status.upstreamConfigured());
        assertFalse(status.gatewayRunning());
        assertEquals("127.0.0.1:10587", status.submissionHostAndPort());
    }

    @Test
    void ipv6AddressesAreBracketed() throws Exception {
        AppStatus status = new AppStatus(false, false,
                new InetSocketAddress(InetAddress.getByName("::1"), 2525));
        assertEquals("[0:0:0:0:0:0:0:1]:2525", status.submissionHostAndPort());
    }
}
