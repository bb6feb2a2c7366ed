package dev.hikyaku.app.review.warnings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.IDN;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LookalikesTest {
    private static final List<String> FREQUENT = List.of("example.co.jp", "gmail.com", "acme.co.jp");

    private static Optional<String> resembled(String domain) {
        return Lookalikes.resembled(domain, FREQUENT);
    }

    @Test
    void aDigitForALetterIsALookalike() {
        assertEquals(Optional.of("example.co.jp"), resembled("examp1e.co.jp"));
        assertEquals(Optional.of("example.co.jp"), resembled("exampie.co.jp"));
        assertEquals(Optional.of("gmail.com"), resembled("gmai1.com"));
        assertEquals(Optional.of("example.co.jp"), resembled("ex4mple.co.jp"));
    }

    @Test
    void swappedMissingAndExtraLettersAreLookalikes() {
        assertEquals(Optional.of("example.co.jp"), resembled("exmaple.co.jp"));
        assertEquals(Optional.of("example.co.jp"), resembled("exmple.co.jp"));
        assertEquals(Optional.of("example.co.jp"), resembled("examplle.co.jp"));
        assertEquals(Optional.of("example.co.jp"), resembled("example.co.jq"));
        assertEquals(Optional.of("gmail.com"), resembled("gmial.com"));
    }

    @Test
    void twoSlipsCountOnlyInALongEnoughName() {
        assertEquals(Optional.of("example.co.jp"), resembled("ezample.co.jo"));
        assertEquals(Optional.empty(), resembled("acne.co.jo"), "acme has too short a name for two slips");
        assertEquals(Optional.of("acme.co.jp"), resembled("acne.co.jp"));
    }

    @Test
    void cyrillicFullWidthAndRnForMAreLookalikes() {
        String cyrillic = IDN.toASCII("ex\u0430mple.co.jp");
        assertTrue(cyrillic.startsWith("xn--"), cyrillic);
        assertEquals(Optional.of("example.co.jp"), resembled(cyrillic));
        assertEquals(Optional.of("gmail.com"), resembled("grnail.com"));
        assertEquals(Optional.of("example.co.jp"), resembled("ｅｘａｍｐ１ｅ.co.jp"));
    }

    @Test
    void theDomainItselfItsSubdomainsAndUnrelatedDomainsAreNot() {
        assertEquals(Optional.empty(), resembled("example.co.jp"));
        assertEquals(Optional.empty(), resembled("mail.example.co.jp"));
        assertEquals(Optional.empty(), resembled("example.com"));
        assertEquals(Optional.empty(), resembled("hikyaku.dev"));
        assertEquals(Optional.empty(), resembled("x.jp"));
    }

    @Test
    void anOverlongNameIsNotCompared() {
        assertEquals(Optional.empty(), resembled("a".repeat(10_000) + ".jp"));
    }

    @Test
    void distanceCountsASwapOfNeighboursAsOneSlip() {
        assertEquals(1, Lookalikes.distance("exmaple", "example"));
        assertEquals(3, Lookalikes.distance("kitten", "sitting"));
        assertEquals(0, Lookalikes.distance("same", "same"));
    }
}
