package dev.hikyaku.testworld.dns;

import static dev.hikyaku.testworld.dns.Queries.ask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** How a zone takes records and fault switches. */
class ZoneTest {

    private DnsWorld world;

    @BeforeEach
    void startWorld() {
        world = DnsWorld.start();
    }

    @AfterEach
    void stopWorld() throws IOException {
        world.close();
    }

    @Test
    void refusesRecordsOutsideTheZoneAndLinesThatAreNotRecords() {
        Zone zone = world.zone("example.test");

        assertThrows(IllegalArgumentException.class, () -> zone.add("mx.example.com. IN A 127.0.0.2"));
        assertThrows(IllegalArgumentException.class, () -> zone.add("mx IN A not-an-address"));
        assertThrows(IllegalArgumentException.class, () -> zone.add(""));
        assertThrows(IllegalArgumentException.class, () -> world.zone("example.test"));
    }

    @Test
    void anAddedSoaReplacesTheDefaultOne() throws IOException {
        world.zone("example.test").add("@ IN SOA ns hostmaster 42 3600 600 604800 60");

        SOARecord soa = (SOARecord) ask(world.resolver(), "example.test.", Type.SOA)
                .getSection(Section.ANSWER).get(0);

        assertEquals(42, soa.getSerial());
    }

    @Test
    void aZoneWideFaultHealsWhenSwitchedOff() throws IOException {
        Zone zone = world.zone("example.test").add("mx IN A 127.0.0.2").fail(Fault.SERVFAIL);
        assertEquals(Rcode.SERVFAIL, ask(world.resolver(), "mx.example.test.", Type.A).getRcode());

        zone.heal();

        assertEquals(Rcode.NOERROR, ask(world.resolver(), "mx.example.test.", Type.A).getRcode());
    }

    @Test
    void aFaultOnOneRrsetLeavesOtherTypesAlone() throws IOException {
        world.zone("example.test")
                .add("mx IN A 127.0.0.2")
                .add("mx IN AAAA ::1")
                .fail("mx", Type.AAAA, Fault.SERVFAIL);

        assertEquals(Rcode.SERVFAIL, ask(world.resolver(), "mx.example.test.", Type.AAAA).getRcode());
        assertEquals(Rcode.NOERROR, ask(world.resolver(), "mx.example.test.", Type.A).getRcode());
    }
}
