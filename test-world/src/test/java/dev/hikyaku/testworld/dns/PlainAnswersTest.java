package dev.hikyaku.testworld.dns;

import static dev.hikyaku.testworld.dns.Queries.ask;
import static dev.hikyaku.testworld.dns.Queries.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** Plain (non-DNSSEC) answers as dnsjava's SimpleResolver sees them, over UDP and over TCP. */
class PlainAnswersTest {

    private static final String TLSA_DIGEST =
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static DnsWorld world;

    @BeforeAll
    static void startWorld() {
        world = DnsWorld.start();
        world.zone("example.test")
                .add("@ 300 IN MX 10 mx1")
                .add("@ 300 IN MX 20 mx2")
                .add("mx1 IN A 127.0.0.2")
                .add("mx1 IN AAAA ::1")
                .add("mx2 IN A 127.0.0.3")
                .add("multi IN TXT \"v=STSv1; id=1\" \"second string\"")
                .add("_25._tcp.mx1 IN TLSA 3 1 1 " + TLSA_DIGEST)
                .add("www IN CNAME alias")
                .add("alias IN CNAME mx1.other.test.");
        world.zone("other.test").add("mx1 IN A 127.0.0.4");
        world.zone("nullmx.test").add("@ IN MX 0 .");
        world.zone("faulty.test")
                .add("broken IN A 127.0.0.6")
                .add("silent IN A 127.0.0.7")
                .add("fine IN A 127.0.0.8")
                .fail("broken", Fault.SERVFAIL)
                .fail("silent", Fault.DROP);
        Zone big = world.zone("big.test");
        IntStream.range(0, 30).forEach(i -> big.add("@ IN TXT \"" + i + "-" + "x".repeat(200) + "\""));
    }

    @AfterAll
    static void stopWorld() throws IOException {
        world.close();
    }

    private static SimpleResolver resolver(boolean tcp) {
        SimpleResolver resolver = world.resolver();
        resolver.setTCP(tcp);
        return resolver;
    }

    @ParameterizedTest(name = "tcp={0}")
    @ValueSource(booleans = {false, true})
    void answersAddressesLikeARecursiveResolver(boolean tcp) throws IOException {
        Message a = ask(resolver(tcp), "mx1.example.test.", Type.A);
        Message aaaa = ask(resolver(tcp), "mx1.example.test.", Type.AAAA);

        assertEquals(Rcode.NOERROR, a.getRcode());
        assertTrue(a.getHeader().getFlag(Flags.RA));
        assertEquals(
                InetAddress.getByName("127.0.0.2"), ((ARecord) records(a, Type.A).get(0)).getAddress());
        assertEquals(
                InetAddress.getByName("::1"), ((AAAARecord) records(aaaa, Type.AAAA).get(0)).getAddress());
    }

    @ParameterizedTest(name = "tcp={0}")
    @ValueSource(booleans = {false, true})
    void answersMxWithRelativeNamesMadeAbsolute(boolean tcp) throws IOException {
        Message response = ask(resolver(tcp), "example.test.", Type.MX);

        List<String> mx =
                records(response, Type.MX).stream()
                        .map(r -> ((MXRecord) r).getPriority() + " " + ((MXRecord) r).getTarget())
                        .sorted()
                        .toList();
        assertEquals(List.of("10 mx1.example.test.", "20 mx2.example.test."), mx);
        assertEquals(300, records(response, Type.MX).get(0).getTTL());
    }

    @ParameterizedTest(name = "tcp={0}")
    @ValueSource(booleans = {false, true})
    void answersNullMx(boolean tcp) throws IOException {
        MXRecord mx = (MXRecord) records(ask(resolver(tcp), "nullmx.test.", Type.MX), Type.MX).get(0);

        assertEquals(0, mx.getPriority());
        assertEquals(Name.root, mx.getTarget());
    }

    @ParameterizedTest(name = "tcp={0}")
    @ValueSource(booleans = {false, true})
    void keepsTheStringsOfAMultiStringTxt(boolean tcp) throws IOException {
        TXTRecord txt =
                (TXTRecord) records(ask(resolver(tcp), "multi.example.test.", Type.TXT), Type.TXT).get(0);

        assertEquals(List.of("v=STSv1; id=1", "second string"), txt.getStrings());
    }

    @ParameterizedTest(name = "tcp={0}")
    @ValueSource(booleans = {false, true})
    void answersTlsa(boolean tcp) throws IOException {
        Message response = ask(resolver(tcp), "_25._tcp.mx1.example.test.", Type.TLSA);
        TLSARecord tlsa = (TLSARecord) records(response, Type.TLSA).get(0);

        assertEquals(3, tlsa.getCertificateUsage());
        assertEquals(1, tlsa.getSelector());
        assertEquals(1, tlsa.getMatchingType());
        assertEquals(32, tlsa.getCertificateAssociationData().length);
    }

    @ParameterizedTest(name = "tcp={0}")
    @ValueSource(booleans = {false, true})
    void putsTheWholeCnameChainAcrossZonesInTheAnswer(boolean tcp) throws IOException {
        Message response = ask(resolver(tcp), "www.example.test.", Type.A);

        List<Record> answer = response.getSection(Section.ANSWER);
        assertEquals(3, answer.size());
        assertEquals(
                Name.fromString("alias.example.test."), ((CNAMERecord) answer.get(0)).getTarget());
        assertEquals(Name.fromString("mx1.other.test."), ((CNAMERecord) answer.get(1)).getTarget());
        assertEquals(InetAddress.getByName("127.0.0.4"), ((ARecord) answer.get(2)).getAddress());
    }

    @ParameterizedTest(name = "tcp={0}")
    @ValueSource(booleans = {false, true})
    void saysNxdomainWithTheSoaForAMissingName(boolean tcp) throws IOException {
        Message response = ask(resolver(tcp), "nope.example.test.", Type.A);

        assertEquals(Rcode.NXDOMAIN, response.getRcode());
        assertTrue(response.getSection(Section.ANSWER).isEmpty());
        assertSoaOf("example.test.", response);
    }

    @ParameterizedTest(name = "tcp={0}")
    @ValueSource(booleans = {false, true})
    void saysNodataWithTheSoaForAMissingType(boolean tcp) throws IOException {
        Message response = ask(resolver(tcp), "mx2.example.test.", Type.AAAA);

        assertEquals(Rcode.NOERROR, response.getRcode());
        assertTrue(response.getSection(Section.ANSWER).isEmpty());
        assertSoaOf("example.test.", response);
    }

    @ParameterizedTest(name = "tcp={0}")
    @ValueSource(booleans = {false, true})
    void refusesNamesUnderNoServedZone(boolean tcp) throws IOException {
        assertEquals(Rcode.REFUSED, ask(resolver(tcp), "mail.example.com.", Type.MX).getRcode());
    }

    @ParameterizedTest(name = "tcp={0}")
    @ValueSource(booleans = {false, true})
    void servfailSwitchFailsOnlyItsName(boolean tcp) throws IOException {
        assertEquals(Rcode.SERVFAIL, ask(resolver(tcp), "broken.faulty.test.", Type.A).getRcode());
        assertEquals(Rcode.NOERROR, ask(resolver(tcp), "fine.faulty.test.", Type.A).getRcode());
    }

    @ParameterizedTest(name = "tcp={0}")
    @ValueSource(booleans = {false, true})
    void dropSwitchLeavesTheClientToTimeOut(boolean tcp) {
        SimpleResolver resolver = resolver(tcp);
        resolver.setTimeout(Duration.ofMillis(300));

        assertThrows(IOException.class, () -> ask(resolver, "silent.faulty.test.", Type.A));
    }

    @Test
    void truncatesOverUdpBeyondTheClientPayloadSize() throws IOException {
        SimpleResolver resolver = resolver(false);
        resolver.setIgnoreTruncation(true);

        Message response = ask(resolver, "big.test.", Type.TXT);

        assertTrue(response.getHeader().getFlag(Flags.TC));
        assertTrue(response.getSection(Section.ANSWER).isEmpty());
    }

    @Test
    void truncatedUdpAnswerIsRetriedOverTcpByTheClient() throws IOException {
        Message response = ask(resolver(false), "big.test.", Type.TXT);

        assertFalse(response.getHeader().getFlag(Flags.TC));
        assertEquals(30, records(response, Type.TXT).size());
    }

    @Test
    void truncatesAt512BytesWithoutEdns() throws IOException {
        SimpleResolver resolver = resolver(false);
        resolver.setEDNS(-1);
        resolver.setIgnoreTruncation(true);

        Message response = ask(resolver, "example.test.", Type.MX);
        Message big = ask(resolver, "big.test.", Type.TXT);

        assertFalse(response.getHeader().getFlag(Flags.TC));
        assertTrue(big.getHeader().getFlag(Flags.TC));
    }

    private static void assertSoaOf(String zone, Message response) throws IOException {
        List<Record> authority = response.getSection(Section.AUTHORITY);
        assertEquals(1, authority.size());
        SOARecord soa = (SOARecord) authority.get(0);
        assertEquals(Name.fromString(zone), soa.getName());
    }
}
