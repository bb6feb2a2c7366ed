package dev.hikyaku.advisor.dane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.hikyaku.testworld.ca.FixtureCa;
import dev.hikyaku.testworld.ca.Issued;
import dev.hikyaku.testworld.ca.Signer;
import dev.hikyaku.testworld.ca.Validity;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DANE-EE (usage 3) matches the leaf by certificate or key, in every matching type, and ignores names and dates. */
class DaneEeTest {
    private static final FixtureCa CA = FixtureCa.create();
    private static final String MX = "mx.example.test";

    private final DaneVerifier verifier = new DaneVerifier(Clock.systemUTC());

    @ParameterizedTest(name = "3 {0} {1}")
    @CsvSource({"0,0", "0,1", "0,2", "1,0", "1,1", "1,2"})
    void theLeafMatchesByEverySelectorAndMatchingType(int selector, int matchingType) throws Exception {
        Issued issued = CA.server(MX);
        TlsaAssociation record = Tlsa.of(TlsaAssociation.DANE_EE, selector, matchingType, issued.certificate());
        assertEquals(new DaneOutcome.Matched(record), verifier.verify(List.of(record), issued.chain(), MX));
    }

    @Test
    void anExpiredSelfSignedCertificateForAnotherNameStillMatches() throws Exception {
        Issued issued = CA.issue(CA.serverSpec("somewhere.else.test").withSigner(Signer.SELF_SIGNED)
                .withValidity(Validity.expired(Clock.systemUTC())));
        TlsaAssociation record = Tlsa.of(TlsaAssociation.DANE_EE, 1, 1, issued.certificate());
        assertEquals(new DaneOutcome.Matched(record), verifier.verify(List.of(record), issued.chain(), MX));
    }

    @Test
    void aRecordForAnotherCertificateIsAMismatch() throws Exception {
        TlsaAssociation record = Tlsa.of(TlsaAssociation.DANE_EE, 0, 1, CA.server("other.example.test").certificate());
        assertInstanceOf(DaneOutcome.Mismatch.class, verifier.verify(List.of(record), CA.server(MX).chain(), MX));
    }

    @Test
    void usage3MatchesOnlyTheLeafNotTheIntermediate() throws Exception {
        Issued issued = CA.issue(CA.serverSpec(MX).withSigner(Signer.INTERMEDIATE));
        TlsaAssociation record = Tlsa.of(TlsaAssociation.DANE_EE, 0, 1, CA.intermediate());
        assertInstanceOf(DaneOutcome.Mismatch.class, verifier.verify(List.of(record), issued.chain(), MX));
    }

    @Test
    void oneMatchingRecordAmongOthersIsEnough() throws Exception {
        Issued issued = CA.server(MX);
        TlsaAssociation stale = Tlsa.of(TlsaAssociation.DANE_EE, 1, 1, CA.root());
        TlsaAssociation current = Tlsa.of(TlsaAssociation.DANE_EE, 1, 2, issued.certificate());
        assertEquals(new DaneOutcome.Matched(current), verifier.verify(List.of(stale, current), issued.chain(), MX));
    }
}
