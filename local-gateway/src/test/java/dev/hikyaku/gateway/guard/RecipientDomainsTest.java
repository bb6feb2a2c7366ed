package dev.hikyaku.gateway.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecipientDomainsTest {
    private static final RecipientDomains DOMAINS = new RecipientDomains(
            List.of(AddressPattern.parse("example.co.jp"), AddressPattern.parse("例え.jp")),
            List.of(AddressPattern.parse("*.partner.example.com")), true);

    @Test
    void aDomainCoversItsSubdomainsButNotLookalikes() {
        assertEquals(Reach.INTERNAL, DOMAINS.reach("taro@example.co.jp"));
        assertEquals(Reach.INTERNAL, DOMAINS.reach("jiro@Osaka.Example.CO.JP"));
        assertEquals(Reach.INTERNAL, DOMAINS.reach("taro@example.co.jp."));
        assertEquals(Reach.EXTERNAL, DOMAINS.reach("taro@badexample.co.jp"));
        assertEquals(Reach.EXTERNAL, DOMAINS.reach("example.co.jp@evil.example"));
        assertEquals(Reach.EXTERNAL, DOMAINS.reach("no-domain"));
        assertEquals(Reach.PARTNER, DOMAINS.reach("p@partner.example.com"));
        assertTrue(Reach.PARTNER.outside());
        assertFalse(Reach.INTERNAL.outside());
    }

    @Test
    void internationalDomainsMatchInEitherForm() {
        assertEquals(Reach.INTERNAL, DOMAINS.reach("taro@例え.jp"));
        assertEquals(Reach.INTERNAL, DOMAINS.reach("taro@xn--r8jz45g.jp"));
    }

    @Test
    void onlyInternalMailSkipsPackagingAndOnlyWhenSoConfigured() {
        assertTrue(DOMAINS.skipsPackaging("taro@example.co.jp"));
        assertFalse(DOMAINS.skipsPackaging("p@partner.example.com"));
        assertFalse(new RecipientDomains(DOMAINS.internal(), DOMAINS.partner(), false).skipsPackaging("taro@example.co.jp"));
    }

    @Test
    void anAddressPatternMatchesThatAddressOnly() {
        AddressPattern boss = AddressPattern.parse("Boss@Example.co.jp");
        assertFalse(boss.wholeDomain());
        assertTrue(boss.matches("boss@example.co.jp"));
        assertFalse(boss.matches("taro@example.co.jp"));
        assertEquals("Boss@example.co.jp", boss.toString());
        assertEquals(AddressPattern.parse("example.jp"), AddressPattern.parse("@EXAMPLE.jp"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "example..jp", "-example.jp", "exa mple.jp", "a b@example.jp", "taro@", "@", "*.", "x_y.jp"})
    void nonsenseIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> AddressPattern.parse(text));
    }
}
