package dev.hikyaku.testworld.dns;

import static dev.hikyaku.testworld.dns.Queries.ask;
import static dev.hikyaku.testworld.dns.Queries.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The DNSSEC records a signed zone puts on the wire, and when. */
class SignedWireTest {

    private static final Instant NOW = Instant.parse("2030-01-15T10:00:00Z");

    private static DnsWorld world;

    @BeforeAll
    static void startWorld() {
        world = DnsWorld.start(Clock.fixed(NOW, ZoneOffset.UTC));
        world.signedZone("secure.test").add("mx IN A 127.0.0.5").add("www IN A 127.0.0.6");
        world.zone("plain.test").add("mx IN A 127.0.0.7");
    }

    @AfterAll
    static void stopWorld() throws IOException {
        world.close();
    }

    private static SimpleResolver dnssecOk() {
        SimpleResolver resolver = world.resolver();
        resolver.setEDNS(0, 0, ExtendedFlags.DO);
        return resolver;
    }

    @Test
    void signaturesComeOnlyWhenTheClientSetsDo() throws IOException {
        Message withDo = ask(dnssecOk(), "mx.secure.test.", Type.A);
        Message withoutDo = ask(world.resolver(), "mx.secure.test.", Type.A);

        assertEquals(1, signatures(withDo, Section.ANSWER).size());
        assertTrue(signatures(withoutDo, Section.ANSWER).isEmpty());
    }

    @Test
    void signaturesAreDatedByTheInjectedClock() throws IOException {
        RRSIGRecord sig = signatures(ask(dnssecOk(), "mx.secure.test.", Type.A), Section.ANSWER).get(0);

        assertTrue(sig.getTimeSigned().isBefore(NOW));
        assertTrue(sig.getExpire().isAfter(NOW));
    }

    @Test
    void nxdomainCarriesTheCoveringAndTheWildcardNsec() throws IOException {
        // "nope" falls between mx and www; "*.secure.test" between the apex and mx.
        List<Record> authority =
                ask(dnssecOk(), "nope.secure.test.", Type.A).getSection(Section.AUTHORITY);

        List<String> nsecs =
                authority.stream()
                        .filter(r -> r.getType() == Type.NSEC)
                        .map(r -> r.getName() + " -> " + ((NSECRecord) r).getNext())
                        .toList();
        assertEquals(
                List.of("mx.secure.test. -> www.secure.test.", "secure.test. -> mx.secure.test."), nsecs);
        assertEquals(3, authority.stream().filter(r -> r.getType() == Type.RRSIG).count());
    }

    @Test
    void unsignedZoneHasNoSignaturesEvenWithDo() throws IOException {
        Message response = ask(dnssecOk(), "nope.plain.test.", Type.A);

        assertTrue(signatures(response, Section.AUTHORITY).isEmpty());
        assertTrue(
                response.getSection(Section.AUTHORITY).stream().noneMatch(r -> r.getType() == Type.NSEC));
    }

    @Test
    void trustAnchorIsADsLineForTheZoneKey() throws IOException {
        byte[] anchors = world.trustAnchors().getBytes(StandardCharsets.US_ASCII);
        try (Master master = new Master(new ByteArrayInputStream(anchors))) {
            DSRecord ds = (DSRecord) master.nextRecord();
            DNSKEYRecord key =
                    (DNSKEYRecord) records(ask(dnssecOk(), "secure.test.", Type.DNSKEY), Type.DNSKEY).get(0);

            assertEquals(Name.fromString("secure.test."), ds.getName());
            assertEquals(DNSSEC.Algorithm.ECDSAP256SHA256, ds.getAlgorithm());
            assertEquals(key.getFootprint(), ds.getFootprint());
            assertNull(master.nextRecord(), "one anchor per signed zone");
        }
    }

    @Test
    void anUnsignedZoneHasNoTrustAnchor() {
        assertThrows(IllegalStateException.class, () -> world.zone("another.test").trustAnchor());
    }

    private static List<RRSIGRecord> signatures(Message response, int section) {
        return response.getSection(section).stream()
                .filter(r -> r.getType() == Type.RRSIG)
                .map(RRSIGRecord.class::cast)
                .toList();
    }
}
