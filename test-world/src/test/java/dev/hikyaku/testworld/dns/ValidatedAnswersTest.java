package dev.hikyaku.testworld.dns;

import static dev.hikyaku.testworld.dns.Queries.ask;
import static dev.hikyaku.testworld.dns.Queries.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.dnssec.ValidatingResolver;

/** What dnsjava's validating resolver concludes about the world's signed and unsigned zones. */
class ValidatedAnswersTest {

    private static final String TLSA = "_25._tcp.mx IN TLSA 3 1 1 "
            + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static DnsWorld world;

    @BeforeAll
    static void startWorld() {
        world = DnsWorld.start();
        world.signedZone("secure.test")
                .add("@ 300 IN MX 10 mx")
                .add("mx IN A 127.0.0.5")
                .add(TLSA)
                .add("www IN CNAME mx")
                .add("elsewhere IN CNAME mx.island.test.")
                .add("host.branch IN A 127.0.0.9");
        world.signedZone("island.test").add("mx IN A 127.0.0.6");
        world.zone("plain.test")
                .add("@ IN MX 10 mx.secure.test.")
                .add("www IN CNAME mx.secure.test.");
        world.signedZone("bogus.test")
                .add("@ IN MX 10 mx")
                .add("mx IN A 127.0.0.7")
                .add(TLSA)
                .fail("_25._tcp.mx", Type.TLSA, Fault.CORRUPT_SIGNATURES);
        world.signedZone("expired.test")
                .add("mx IN A 127.0.0.8")
                .fail(Fault.EXPIRED_SIGNATURES);
    }

    @AfterAll
    static void stopWorld() throws IOException {
        world.close();
    }

    private static ValidatingResolver validator() throws IOException {
        ValidatingResolver validator = new ValidatingResolver(world.resolver());
        byte[] anchors = world.trustAnchors().getBytes(StandardCharsets.US_ASCII);
        validator.loadTrustAnchors(new ByteArrayInputStream(anchors));
        validator.setAddReasonToAdditional(true);
        return validator;
    }

    @Test
    void signedMxTlsaAndAddressAnswersAreSecure() throws IOException {
        ValidatingResolver validator = validator();
        for (var question : List.of(
                new String[] {"secure.test.", "MX"},
                new String[] {"_25._tcp.mx.secure.test.", "TLSA"},
                new String[] {"mx.secure.test.", "A"},
                new String[] {"secure.test.", "DNSKEY"})) {
            Message response = ask(validator, question[0], Type.value(question[1]));

            assertSecure(response, Rcode.NOERROR);
            assertEquals(1, records(response, Type.value(question[1])).size(), question[0]);
        }
    }

    @Test
    void signedAnswersValidateOverTcpToo() throws IOException {
        ValidatingResolver validator = validator();
        validator.setTCP(true);

        assertSecure(ask(validator, "_25._tcp.mx.secure.test.", Type.TLSA), Rcode.NOERROR);
        assertSecure(ask(validator, "nope.secure.test.", Type.TLSA), Rcode.NXDOMAIN);
    }

    @Test
    void recordsAddedAfterSigningAreSignedOnTheNextQuery() throws IOException {
        Zone growing = world.signedZone("growing.test").add("mx IN A 127.0.0.10");
        assertSecure(ask(validator(), "late.growing.test.", Type.A), Rcode.NXDOMAIN);

        growing.add(new ARecord(
                Name.fromString("late.growing.test."), DClass.IN, 60, InetAddress.getByName("127.0.0.11")));

        assertSecure(ask(validator(), "late.growing.test.", Type.A), Rcode.NOERROR);
    }

    @Test
    void cnameChainsWithinAndBetweenSignedZonesAreSecure() throws IOException {
        assertSecure(ask(validator(), "www.secure.test.", Type.A), Rcode.NOERROR);
        assertSecure(ask(validator(), "elsewhere.secure.test.", Type.A), Rcode.NOERROR);
    }

    @Test
    void nxdomainInASignedZoneIsASecureDenial() throws IOException {
        assertSecure(ask(validator(), "nope.secure.test.", Type.A), Rcode.NXDOMAIN);
        assertSecure(ask(validator(), "deep.below.mx.secure.test.", Type.TLSA), Rcode.NXDOMAIN);
        assertSecure(ask(validator(), "zzz.secure.test.", Type.A), Rcode.NXDOMAIN);
    }

    @Test
    void nodataInASignedZoneIsASecureDenial() throws IOException {
        assertSecure(ask(validator(), "mx.secure.test.", Type.AAAA), Rcode.NOERROR);
        assertSecure(ask(validator(), "_tcp.mx.secure.test.", Type.TLSA), Rcode.NOERROR);
        assertSecure(ask(validator(), "branch.secure.test.", Type.A), Rcode.NOERROR);
    }

    @Test
    void unsignedZoneIsInsecureButAnswered() throws IOException {
        Message response = ask(validator(), "plain.test.", Type.MX);

        assertEquals(Rcode.NOERROR, response.getRcode());
        assertFalse(response.getHeader().getFlag(Flags.AD));
        assertEquals(1, records(response, Type.MX).size());
    }

    @Test
    void cnameFromAnUnsignedZoneIntoASignedOneIsInsecureNotBogus() throws IOException {
        Message response = ask(validator(), "www.plain.test.", Type.A);

        assertEquals(Rcode.NOERROR, response.getRcode(), () -> reasonOf(response));
        assertFalse(response.getHeader().getFlag(Flags.AD));
        assertEquals(1, records(response, Type.A).size());
    }

    @Test
    void corruptSignatureOnOneRrsetIsBogusOnlyThere() throws IOException {
        Message tlsa = ask(validator(), "_25._tcp.mx.bogus.test.", Type.TLSA);
        Message mx = ask(validator(), "bogus.test.", Type.MX);

        assertBogus(tlsa);
        assertSecure(mx, Rcode.NOERROR);
    }

    @Test
    void expiredSignaturesOnAZoneAreBogus() throws IOException {
        assertBogus(ask(validator(), "mx.expired.test.", Type.A));
    }

    private static void assertSecure(Message response, int rcode) {
        assertEquals(Rcode.string(rcode), Rcode.string(response.getRcode()), () -> reasonOf(response));
        assertTrue(response.getHeader().getFlag(Flags.AD), () -> "not AD: " + reasonOf(response));
    }

    private static void assertBogus(Message response) {
        assertEquals(Rcode.SERVFAIL, response.getRcode());
        assertFalse(response.getHeader().getFlag(Flags.AD));
        assertFalse(reasonOf(response).isEmpty());
    }

    private static String reasonOf(Message response) {
        StringBuilder reason = new StringBuilder();
        for (Record record : response.getSection(Section.ADDITIONAL)) {
            if (record.getType() == Type.TXT
                    && record.getDClass() == ValidatingResolver.VALIDATION_REASON_QCLASS) {
                ((TXTRecord) record).getStrings().forEach(reason::append);
            }
        }
        return reason.toString();
    }

}
