package dev.hikyaku.advisor.dane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PKIX usages and unknown parameters count as no records for SMTP; usable records with no chain are a mismatch. */
class DaneUnusableRecordsTest {
    private static final FixtureCa CA = FixtureCa.create();
    private static final String MX = "mx.example.test";

    private final DaneVerifier verifier = new DaneVerifier(Clock.systemUTC());

    @Test
    void pkixTaAndPkixEeRecordsAreUnusableEvenWhenTheyMatch() throws Exception {
        Issued issued = CA.server(MX);
        List<TlsaAssociation> records = List.of(Tlsa.of(0, 1, 1, CA.root()), Tlsa.of(1, 1, 1, issued.certificate()));
        assertEquals(new DaneOutcome.NoUsableRecords(), verifier.verify(records, issued.chain(), MX));
    }

    @Test
    void unknownSelectorsAndMatchingTypesAreUnusable() {
        List<TlsaAssociation> records = List.of(new TlsaAssociation(3, 2, 1, new byte[32]),
                new TlsaAssociation(3, 1, 3, new byte[32]), new TlsaAssociation(4, 1, 1, new byte[32]));
        assertEquals(new DaneOutcome.NoUsableRecords(), verifier.verify(records, CA.server(MX).chain(), MX));
    }

    @Test
    void anEmptyChainIsAMismatch() throws Exception {
        TlsaAssociation record = Tlsa.of(TlsaAssociation.DANE_EE, 1, 1, CA.server(MX).certificate());
        assertInstanceOf(DaneOutcome.Mismatch.class, verifier.verify(List.of(record), List.of(), MX));
    }
}
