package dev.hikyaku.advisor.probe;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnownProvidersTest {
    private final KnownProviders providers = KnownProviders.bundled();

    @Test
    void everyMxMustBelongToAKnownProvider() {
        assertTrue(providers.coversAll(List.of("aspmx.l.google.com.", "alt1.aspmx.l.google.com")));
        assertTrue(providers.coversAll(List.of("example-co-jp.mail.protection.outlook.com")));
        assertFalse(providers.coversAll(List.of("aspmx.l.google.com", "mx.example.jp")));
        assertFalse(providers.coversAll(List.of()));
    }

    @Test
    void suffixesMatchOnLabelBoundariesOnly() {
        assertFalse(providers.coversAll(List.of("evilgoogle.com")));
        assertFalse(providers.coversAll(List.of("google.com.evil.jp")));
    }
}
