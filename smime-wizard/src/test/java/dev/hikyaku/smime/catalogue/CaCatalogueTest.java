package dev.hikyaku.smime.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.smime.text.Notice;
import dev.hikyaku.smime.text.SmimeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The bundled CA list: dated, Actalis' free certificate among the entries, every text there in both languages. */
class CaCatalogueTest {
    private final CaCatalogue catalogue = CaCatalogue.bundled();

    @Test
    void actalisFreeMailboxCertificateIsListedAsAPkcs12HandedOutInTheBrowser() {
        CaEntry actalis = catalogue.find("actalis-free").orElseThrow();

        assertEquals(Cost.FREE, actalis.cost());
        assertEquals(Validation.MAILBOX, actalis.validation());
        assertEquals(Issuance.PKCS12_BY_BROWSER, actalis.issuance());
        assertEquals(OptionalInt.of(365), actalis.validityDays());
        assertEquals(6, actalis.guide("alice@example.test").size());
        assertEquals("2026-01", catalogue.asOf());
    }

    @Test
    void acmeForSmimeWorksByDirectoryUrlWhileNoListedPublicCaOffersIt() {
        assertFalse(catalogue.acmeOffered());
        String text = SmimeText.format(Locale.ENGLISH, "catalogue.acme.byDirectory", catalogue.asOf());
        assertTrue(text.contains("ACME directory URL") && text.contains("2026-01"), text);
        assertTrue(SmimeText.format(Locale.JAPANESE, "catalogue.acme.byDirectory", catalogue.asOf()).contains("2026-01"));
    }

    @Test
    void everyEntrySaysWhatItChecksCostsAndHowItIssuesInJapaneseAndEnglish() {
        List<Notice> texts = new ArrayList<>();
        for (CaEntry entry : catalogue.entries()) {
            texts.add(entry.summary());
            texts.add(Notice.of(entry.validation().messageKey()));
            texts.add(Notice.of(entry.cost().messageKey()));
            texts.add(Notice.of(entry.issuance().messageKey()));
            texts.addAll(entry.guide("alice@example.test"));
            assertTrue(entry.website().startsWith("https://"), entry.website());
        }
        for (Enum<?> value : List.of(Validation.values()).stream().map(v -> (Enum<?>) v).toList()) {
            texts.add(Notice.of(((Validation) value).messageKey()));
        }
        for (Cost cost : Cost.values()) {
            texts.add(Notice.of(cost.messageKey()));
        }
        for (Issuance issuance : Issuance.values()) {
            texts.add(Notice.of(issuance.messageKey()));
        }
        for (Notice text : texts) {
            assertNotEquals(text.text(Locale.ENGLISH), text.text(Locale.JAPANESE), text.key());
        }
        assertTrue(catalogue.find("actalis-free").orElseThrow().summary().text(Locale.ENGLISH).contains("as of 2026-01"));
    }
}
