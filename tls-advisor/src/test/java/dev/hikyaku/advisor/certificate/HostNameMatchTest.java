package dev.hikyaku.advisor.certificate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.testworld.ca.FixtureCa;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Host names match certificates case-insensitively, ignoring a trailing dot, with one-label wildcards. */
class HostNameMatchTest {
    private static final FixtureCa CA = FixtureCa.create();

    @Test
    void aWildcardCoversExactlyOneLeftmostLabel() {
        X509Certificate wildcard = CA.server("*.example.test").certificate();
        assertTrue(HostNameMatch.matches(wildcard, "mx1.example.test"));
        assertFalse(HostNameMatch.matches(wildcard, "a.mx1.example.test"), "two labels");
        assertFalse(HostNameMatch.matches(wildcard, "example.test"), "no label");
        assertFalse(HostNameMatch.matches(wildcard, "mx1.example.other"));
    }

    @Test
    void aWildcardOverATopLevelDomainMatchesNothing() {
        assertFalse(HostNameMatch.matches(CA.server("*.test").certificate(), "example.test"));
    }

    @Test
    void namesCompareCaseInsensitivelyAndWithoutTheRootDot() {
        X509Certificate certificate = CA.server("mx.example.test").certificate();
        assertTrue(HostNameMatch.matches(certificate, "MX.Example.TEST"));
        assertTrue(HostNameMatch.matches(certificate, "mx.example.test."));
        assertTrue(HostNameMatch.matches(CA.server("MX.EXAMPLE.TEST.").certificate(), "mx.example.test"));
    }

    @Test
    void aNameMatchesAnySubjectAltNameButNotASuffix() {
        X509Certificate certificate = CA.server("mx1.example.test", "mx2.example.test").certificate();
        assertTrue(HostNameMatch.matches(certificate, "mx2.example.test"));
        assertFalse(HostNameMatch.matches(certificate, "example.test"));
        assertFalse(HostNameMatch.matches(certificate, "x-mx1.example.test"));
    }

    @Test
    void theJudgementCarriesTheNameCheck() {
        ChainJudge judge = ChainJudge.trusting(List.of(CA.root()), Clock.systemUTC());
        assertTrue(judge.judge(CA.server("*.example.test").chain(), "Mx1.Example.Test.").nameMatches());
        assertFalse(judge.judge(CA.server("*.example.test").chain(), "a.mx1.example.test").nameMatches());
    }
}
