package dev.hikyaku.gateway.guard;

import static dev.hikyaku.gateway.guard.Guards.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReasonTextTest {

    /** Messages that make every reason the guards can give. */
    private static List<GuardReport> everyReason() {
        Mail external = Mail.message().to("a@customer.example", "b@customer.example").cc("hanako@example.co.jp")
                .attach("社外秘.pdf", 10);
        return List.of(
                evaluate(external, Instant.parse("2024-06-15T03:00:00Z"), "guard.refuse.time = yes"),
                evaluate(external.from("x@old.example"), "guard.refuse.sender = yes", "guard.refuse.sender.list = old.example"),
                evaluate(external, "guard.refuse.sender = yes", "guard.refuse.sender.list = boss@example.co.jp",
                        "guard.refuse.sender.mode = unlisted"),
                evaluate(external, "guard.refuse.recipients = yes", "guard.refuse.recipients.list = customer.example"),
                evaluate(Mail.message().size(1L << 30), "guard.refuse.size = yes"),
                evaluate(external, "guard.refuse.attachments = yes", "guard.refuse.attachments.max = 0"),
                evaluate(Mail.message().subject("社外秘").body("社外秘").attach("社外秘.pdf", 1), "guard.refuse.keywords = yes",
                        "guard.refuse.keywords.list = 社外秘"),
                evaluate(Mail.message().body("03-1234-5678"), "guard.refuse.phones = yes", "guard.refuse.phones.max = 0"),
                evaluate(Mail.message().body("〒100-0005"), "guard.refuse.postal = yes", "guard.refuse.postal.max = 0"),
                evaluate(external, "guard.force-bcc = yes", "guard.force-bcc.threshold = 1"),
                evaluate(external, "guard.force-bcc = yes", "guard.force-bcc.threshold = 1",
                        "guard.force-bcc.mode = per-recipient"),
                evaluate(external, "guard.confirm = yes", "guard.hold = yes", "guard.stage = yes"),
                evaluate(external, "guard.hold = yes", "guard.hold.scope = external"));
    }

    private static Set<String> bundleKeys(Locale locale, String prefix) {
        ResourceBundle bundle = ResourceBundle.getBundle("dev.hikyaku.gateway.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return bundle.keySet().stream().filter(key -> key.startsWith(prefix)).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyReasonKeyIsGivenByARuleAndReadsInBothLanguages() {
        Set<String> given = new TreeSet<>();
        for (GuardReport report : everyReason()) {
            for (FiredRule firing : report.fired()) {
                given.add(firing.reason().key());
                String english = firing.reason().render(Locale.ENGLISH);
                String japanese = firing.reason().render(Locale.JAPANESE);
                assertFalse(english.contains("{") || japanese.contains("{"), english + " / " + japanese);
                assertNotEquals(english, japanese);
            }
        }
        Set<String> reasonKeys = bundleKeys(Locale.ENGLISH, "guard.");
        reasonKeys.removeIf(key -> key.startsWith("guard.notice."));
        assertEquals(reasonKeys, given);
    }

    @Test
    void bothBundlesHaveTheSameGuardKeys() {
        for (String prefix : List.of("guard.", "config.guard.", "config.badChoice")) {
            assertEquals(bundleKeys(Locale.ENGLISH, prefix), bundleKeys(Locale.JAPANESE, prefix));
        }
        assertEquals("Not sent: 見積書", Reason.of("guard.notice.subject", "見積書").render(Locale.ENGLISH));
        assertEquals(3, Stream.of("subject", "intro", "advice").map(k -> "guard.notice." + k)
                .filter(bundleKeys(Locale.JAPANESE, "guard.notice.")::contains).count());
    }

    @Test
    void aReasonHoldsOnlyStorableValues() {
        assertEquals(List.of(5L, "x"), Reason.of("guard.refuse.attachments", 5, "x").arguments());
        assertThrows(IllegalArgumentException.class, () -> Reason.of("guard.hold.all", Instant.EPOCH));
    }
}
