package dev.hikyaku.advisor.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hikyaku.advisor.evidence.DomainReport;
import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.advisor.verdict.Verdict;
import dev.hikyaku.testworld.dns.Zone;
import dev.hikyaku.testworld.smtp.LegacyTlsMx;
import dev.hikyaku.testworld.smtp.MxBehaviour;
import dev.hikyaku.testworld.smtp.MxGroup;
import dev.hikyaku.testworld.smtp.MxServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The facts a report carries beyond the level, and the manners the probes keep. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RouteEvidenceTest {
    private final RouteWorld world = new RouteWorld();
    private final Zone zone = world.dns.zone("example.test");

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    @Test
    void aServerSpeakingOnlyTls11IsEncryptedUnverifiedNotPlaintext() throws Exception {
        LegacyTlsMx legacy = world.keep(LegacyTlsMx.start(world.ca.server("mx.example.test")));
        zone.add("@ MX 10 mx").add("mx A " + legacy.address().getAddress().getHostAddress());
        DomainReport report = world.check(legacy.address().getPort(), "example.test");
        Verdict.EncryptedUnverified verdict = assertInstanceOf(Verdict.EncryptedUnverified.class, report.verdict());
        assertTrue(verdict.weaknesses().get(0).contains("TLS 1.1 or older only"), verdict.weaknesses().toString());
        assertTrue(report.mx().get(0).starttls());
        assertTrue(report.mx().get(0).protocol().startsWith("TLSv1"), report.mx().get(0).protocol());
        assertEquals("CN=mx.example.test", report.mx().get(0).certificate().subject(),
                "the legacy handshake still shows the certificate");
    }

    @Test
    void requireTlsAndTlsRptAreReportedAsFacts() throws Exception {
        MxGroup group = world.mx(MxBehaviour.startTls(world.ca.server("mx1.example.test")).withRequireTls());
        zone.add("@ MX 10 mx1").add("mx1 A " + MxGroup.addressOf(0).getHostAddress())
                .add("_smtp._tls TXT \"v=TLSRPTv1; rua=mailto:tls-reports@example.test\"");
        DomainReport report = world.check(group.port(), "example.test");
        assertTrue(report.mx().get(0).requireTls());
        assertEquals("v=TLSRPTv1; rua=mailto:tls-reports@example.test", report.tlsRpt());
    }

    @Test
    void signedTlsaBehindAnUnsignedMxRrsetDoesNotPin() throws Exception {
        var issued = world.ca.server("mx.secure.test");
        MxGroup group = world.mx(MxBehaviour.startTls(issued));
        String spki = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(issued.certificate().getPublicKey().getEncoded()));
        world.dns.signedZone("secure.test").add("mx A " + MxGroup.addressOf(0).getHostAddress())
                .add("_25._tcp.mx TLSA 3 1 1 " + spki);
        zone.add("@ MX 10 mx.secure.test.");
        DomainReport report = world.check(group.port(), "example.test");
        assertEquals(new Verdict.Encrypted(true), report.verdict(), "an attacker could swap the unsigned MX records");
        assertEquals("published", report.dane().state());
        assertFalse(report.dane().mxSecure());
    }

    @Test
    void anIpv6OnlyMxIsProbedOverIpv6() throws Exception {
        assumeTrue(ipv6Loopback(), "this host has no ::1 (IPv6 disabled)");
        MxServer server = world.keep(MxServer.start(MxBehaviour.startTls(world.ca.server("mx.example.test")),
                new InetSocketAddress(InetAddress.getByName("::1"), 0)));
        zone.add("@ MX 10 mx").add("mx AAAA ::1");
        DomainReport report = world.check(server.address().getPort(), "example.test");
        assertEquals(Level.ENCRYPTED, report.verdict().level());
        assertEquals("0:0:0:0:0:0:0:1", report.mx().get(0).attempts().get(0).address());
    }

    private static boolean ipv6Loopback() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void manyMxNamesOnOneAddressGetOneConnectionAtATime() throws Exception {
        MxGroup group = world.mx(MxBehaviour.startTls(world.ca.server("*.example.test")));
        for (int i = 0; i < 6; i++) {
            world.dns.zone("d" + i + ".test").add("@ MX 10 mx" + i + ".example.test.");
            zone.add("mx" + i + " A " + MxGroup.addressOf(0).getHostAddress());
        }
        RouteAdvisor advisor = world.advisor(group.port());
        List<CompletableFuture<DomainReport>> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(advisor.check(RecipientDomain.parse("d" + i + ".test"), false));
        }
        for (CompletableFuture<DomainReport> report : all) {
            assertEquals(Level.ENCRYPTED, report.get(60, TimeUnit.SECONDS).verdict().level());
        }
        assertEquals(6, group.server(0).connectionCount());
        assertEquals(1, group.server(0).peakConcurrentConnections(), "servers rate-limit probes that never send mail");
    }
}
