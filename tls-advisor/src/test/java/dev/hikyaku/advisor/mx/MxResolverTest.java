package dev.hikyaku.advisor.mx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.advisor.dnssec.TrustAnchors;
import dev.hikyaku.advisor.dnssec.ValidatingDns;
import dev.hikyaku.testworld.dns.DnsWorld;
import dev.hikyaku.testworld.dns.Fault;
import dev.hikyaku.testworld.dns.Zone;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

class MxResolverTest {
    private final DnsWorld world = DnsWorld.start();
    private final Zone plain = world.zone("plain.test");
    private final Zone signed = world.signedZone("secure.test");

    @AfterEach
    void stop() throws IOException {
        world.close();
    }

    private MxResolution resolve(String domain) {
        ValidatingDns dns = new ValidatingDns(world.address(), TrustAnchors.fromText(world.trustAnchors()),
                Clock.systemUTC(), Duration.ofSeconds(2));
        return new MxResolver(dns).resolve(domain);
    }

    private static List<String> names(MxResolution resolution) {
        return ((MxResolution.Hosts) resolution).hosts().stream().map(MxHost::name).toList();
    }

    @Test
    void mxHostsComeByPreferenceWithTheirAddressesIpv4First() throws Exception {
        plain.add("@ MX 20 backup").add("@ MX 10 primary").add("primary A 127.0.0.2").add("primary AAAA ::1")
                .add("backup A 127.0.0.3");
        MxResolution resolution = resolve("plain.test");
        MxResolution.Hosts hosts = assertInstanceOf(MxResolution.Hosts.class, resolution);
        assertEquals(List.of("primary.plain.test", "backup.plain.test"), names(resolution));
        assertEquals(List.of(InetAddress.getByName("127.0.0.2"), InetAddress.getByName("::1")),
                hosts.hosts().get(0).addresses());
        assertEquals(10, hosts.hosts().get(0).preference());
        assertFalse(hosts.implicit());
        assertFalse(hosts.secure(), "an unsigned zone is never secure");
    }

    @Test
    void withoutMxTheDomainItselfIsTheImplicitMx() throws Exception {
        plain.add("@ A 127.0.0.4");
        MxResolution.Hosts hosts = assertInstanceOf(MxResolution.Hosts.class, resolve("plain.test"));
        assertTrue(hosts.implicit());
        assertEquals("plain.test", hosts.hosts().get(0).name());
        assertEquals(List.of(InetAddress.getByName("127.0.0.4")), hosts.hosts().get(0).addresses());
    }

    @Test
    void nullMxNoSuchDomainAndNoMailHostTakeNoMail() {
        plain.add("nullmx MX 0 .").add("bare TXT \"nothing here\"");
        assertInstanceOf(MxResolution.NullMx.class, resolve("nullmx.plain.test"));
        assertInstanceOf(MxResolution.NoSuchDomain.class, resolve("absent.plain.test"));
        assertInstanceOf(MxResolution.NoMailHost.class, resolve("bare.plain.test"));
    }

    @Test
    void aRootTargetBesideRealHostsIsSkipped() {
        plain.add("@ MX 0 .").add("@ MX 10 mx").add("mx A 127.0.0.2");
        assertEquals(List.of("mx.plain.test"), names(resolve("plain.test")));
    }

    @Test
    void cnameChainsAreFollowedForTheDomainAndForMxHosts() throws Exception {
        plain.add("alias CNAME real").add("real MX 10 mx-alias").add("mx-alias CNAME mx-real")
                .add("mx-real A 127.0.0.7");
        MxResolution.Hosts hosts = assertInstanceOf(MxResolution.Hosts.class, resolve("alias.plain.test"));
        assertEquals("mx-alias.plain.test", hosts.hosts().get(0).name(), "the MX name stays the one published");
        assertEquals(List.of(InetAddress.getByName("127.0.0.7")), hosts.hosts().get(0).addresses());
    }

    @Test
    void anMxHostWithoutAddressIsKeptWithItsProblem() {
        plain.add("@ MX 10 ghost").add("@ MX 20 mx").add("mx A 127.0.0.2");
        MxResolution.Hosts hosts = assertInstanceOf(MxResolution.Hosts.class, resolve("plain.test"));
        MxHost ghost = hosts.hosts().get(0);
        assertTrue(ghost.addresses().isEmpty());
        assertEquals("no such host", ghost.problem());
    }

    @Test
    void signedMxRecordsAndAddressesAreSecure() {
        signed.add("@ MX 10 mx").add("mx A 127.0.0.2");
        MxResolution.Hosts hosts = assertInstanceOf(MxResolution.Hosts.class, resolve("secure.test"));
        assertTrue(hosts.secure());
        assertTrue(hosts.hosts().get(0).addressesSecure());
    }

    @Test
    void signedDenialsAreSecure() {
        signed.add("nullmx MX 0 .");
        assertTrue(assertInstanceOf(MxResolution.NullMx.class, resolve("nullmx.secure.test")).secure());
        assertTrue(assertInstanceOf(MxResolution.NoSuchDomain.class, resolve("absent.secure.test")).secure());
    }

    @Test
    void forgedSignaturesAreBogusNeverAbsent() {
        signed.add("@ MX 10 mx").add("mx A 127.0.0.2").fail("@", Type.MX, Fault.CORRUPT_SIGNATURES);
        MxResolution.Bogus bogus = assertInstanceOf(MxResolution.Bogus.class, resolve("secure.test"));
        assertTrue(bogus.reason().startsWith("MX of secure.test"), bogus.reason());
    }

    @Test
    void aFailingResolverLeavesTheQuestionOpen() {
        plain.add("@ MX 10 mx").fail(Fault.SERVFAIL);
        assertInstanceOf(MxResolution.Failed.class, resolve("plain.test"));
    }

    @Test
    void aHostileZoneCannotMakeOneCheckProbeWithoutEnd() {
        for (int i = 0; i < 30; i++) {
            plain.add("@ MX " + i + " mx" + i).add("mx" + i + " A 127.0.1." + (i + 1));
        }
        for (int i = 1; i <= 10; i++) {
            plain.add("mx0 A 127.0.2." + i);
        }
        MxResolution.Hosts hosts = assertInstanceOf(MxResolution.Hosts.class, resolve("plain.test"));
        assertEquals(MxResolver.MAX_HOSTS, hosts.hosts().size());
        assertEquals(MxResolver.MAX_ADDRESSES, hosts.hosts().get(0).addresses().size());
    }
}
