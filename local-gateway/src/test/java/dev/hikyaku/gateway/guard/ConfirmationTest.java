package dev.hikyaku.gateway.guard;

import static dev.hikyaku.gateway.guard.Guards.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.gateway.guard.confirm.ConfirmItem;
import dev.hikyaku.gateway.guard.confirm.Confirmation;
import dev.hikyaku.gateway.guard.confirm.Confirmations;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfirmationTest {
    private static final Instant NOW = Instant.parse("2024-06-12T01:00:00Z");

    private static final Mail QUOTE = Mail.message().to("client@customer.example", "hanako@example.co.jp")
            .cc("p@partner.example.com").bcc("boss@example.co.jp").attach("見積書.pdf", 2048).inlineImage("logo.png");

    @Test
    void eachExternalRecipientAndEachAttachedFileIsToBeTicked() {
        GuardReport report = evaluate(QUOTE, "guard.confirm = yes");
        assertEquals(List.of(new ConfirmItem.Recipient("client@customer.example"),
                new ConfirmItem.Recipient("p@partner.example.com"), new ConfirmItem.File("2", "見積書.pdf", 2048)),
                report.confirmation().orElseThrow().items());
        assertEquals("Before it is sent, tick each of the 2 external recipients and 1 attached files.",
                report.fired().get(0).reason().render(Locale.ENGLISH));
    }

    @Test
    void eitherKindCanBeLeftOut() {
        assertEquals(List.of(new ConfirmItem.File("2", "見積書.pdf", 2048)),
                evaluate(QUOTE, "guard.confirm = yes", "guard.confirm.recipients = no").confirmation().orElseThrow().items());
        assertEquals(2, evaluate(QUOTE, "guard.confirm = yes", "guard.confirm.attachments = no").confirmation()
                .orElseThrow().items().size());
    }

    @Test
    void internalMailAndMailWithNothingToTickNeedNoConfirmation() {
        Mail internal = Mail.message().to("hanako@example.co.jp").attach("a.pdf", 1);
        assertEquals(Optional.empty(), evaluate(internal, "guard.confirm = yes").confirmation());
        assertEquals(Optional.empty(), evaluate(Mail.message().to("a@customer.example"), "guard.confirm = yes",
                "guard.confirm.recipients = no").confirmation());
        assertEquals(Optional.empty(), evaluate(QUOTE).confirmation());
    }

    @Test
    void missingListsWhatNobodyTickedYet() {
        List<ConfirmItem> required = evaluate(QUOTE, "guard.confirm = yes").confirmation().orElseThrow().items();
        assertEquals(required, Confirmations.missing(required, List.of()));
        List<Confirmation> ticks = List.of(
                new Confirmation(new ConfirmItem.Recipient("client@CUSTOMER.example"), "taro", NOW),
                new Confirmation(new ConfirmItem.File("2", "見積書.pdf", 2048), "taro", NOW.plusSeconds(3)));
        assertEquals(List.of(new ConfirmItem.Recipient("p@partner.example.com")), Confirmations.missing(required, ticks));
        assertFalse(Confirmations.complete(required, ticks));
        List<Confirmation> all = new java.util.ArrayList<>(ticks);
        all.add(new Confirmation(new ConfirmItem.Recipient("p@partner.example.com"), "taro", NOW.plusSeconds(5)));
        assertTrue(Confirmations.complete(required, all));
    }

    @Test
    void aFileWithTheSameNameElsewhereIsAnotherItem() {
        List<ConfirmItem> required = List.of(new ConfirmItem.File("2", "a.pdf", 10), new ConfirmItem.File("3", "a.pdf", 10));
        assertEquals(List.of(new ConfirmItem.File("3", "a.pdf", 10)), Confirmations.missing(required,
                List.of(new Confirmation(new ConfirmItem.File("2", "a.pdf", 10), "taro", NOW))));
    }

    @Test
    void aConfirmationSaysWho() {
        assertThrows(IllegalArgumentException.class,
                () -> new Confirmation(new ConfirmItem.Recipient("a@b.example"), " ", NOW));
    }
}
