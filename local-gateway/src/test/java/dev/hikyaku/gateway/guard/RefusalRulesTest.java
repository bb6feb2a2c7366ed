package dev.hikyaku.gateway.guard;

import static dev.hikyaku.gateway.guard.Guards.TOKYO;
import static dev.hikyaku.gateway.guard.Guards.evaluate;
import static dev.hikyaku.gateway.guard.Guards.fired;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.gateway.guard.GuardEffect.Refuse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RefusalRulesTest {
    private static final Mail EXTERNAL = Mail.message().to("client@customer.example");
    private static final Mail INTERNAL = Mail.message().to("hanako@example.co.jp");

    private static Instant tokyo(int day, int hour, int minute) {
        return ZonedDateTime.of(2024, 6, day, hour, minute, 0, 0, TOKYO).toInstant();
    }

    @Test
    void nightHoursAcrossMidnightAreRefusedUpToTheirEnd() {
        String[] night = {"guard.refuse.time = yes", "guard.refuse.time.hours = 22:00-06:00", "guard.refuse.time.days ="};
        // June 12, 2024 is a Wednesday.
        assertFalse(evaluate(EXTERNAL, tokyo(12, 21, 59), night).refused());
        assertTrue(evaluate(EXTERNAL, tokyo(12, 22, 0), night).refused());
        assertTrue(evaluate(EXTERNAL, tokyo(12, 23, 59), night).refused());
        assertTrue(evaluate(EXTERNAL, tokyo(13, 0, 0), night).refused());
        assertTrue(evaluate(EXTERNAL, tokyo(13, 5, 59), night).refused());
        assertFalse(evaluate(EXTERNAL, tokyo(13, 6, 0), night).refused());
    }

    @Test
    void weekdaysAreRefusedAllDayInTheConfiguredZone() {
        String[] weekend = {"guard.refuse.time = yes", "guard.refuse.time.hours =", "guard.refuse.time.days = 土, sunday"};
        assertFalse(evaluate(EXTERNAL, tokyo(14, 23, 59), weekend).refused());
        assertTrue(evaluate(EXTERNAL, tokyo(15, 0, 0), weekend).refused());
        assertTrue(evaluate(EXTERNAL, tokyo(16, 23, 59), weekend).refused());
        assertFalse(evaluate(EXTERNAL, tokyo(17, 0, 0), weekend).refused());
        // Saturday 00:30 in Tokyo is still Friday in UTC: the zone key decides.
        assertFalse(evaluate(EXTERNAL, tokyo(15, 0, 30), "guard.time-zone = UTC", "guard.refuse.time = yes",
                "guard.refuse.time.hours =", "guard.refuse.time.days = sat").refused());
    }

    @Test
    void theTimeReasonNamesTheDayTimeAndBlockedTimes() {
        GuardReport report = evaluate(EXTERNAL, tokyo(15, 23, 10), "guard.refuse.time = yes");
        assertEquals(List.of("refuse.time"), fired(report));
        Reason reason = report.fired().get(0).reason();
        assertEquals("It is 23:10 on a Saturday, when no mail may be sent (blocked: 22:00-06:00, sat, sun).",
                reason.render(Locale.ENGLISH));
        assertEquals("土曜日の 23:10 は送信できない時間です（禁止: 22:00-06:00, sat, sun）。", reason.render(Locale.JAPANESE));
        assertEquals(new Refuse(GuardRule.REFUSE_TIME), report.fired().get(0).effect());
    }

    @Test
    void listedSendersAreRefusedByEnvelopeOrFrom() {
        String[] rule = {"guard.refuse.sender = yes", "guard.refuse.sender.list = shared@example.co.jp, old.example.co.jp"};
        assertTrue(evaluate(Mail.message().from("Shared@Example.co.jp").to("a@customer.example"), rule).refused());
        assertTrue(evaluate(Mail.message().from("jiro@tokyo.old.example.co.jp").to("a@customer.example"), rule).refused());
        assertFalse(evaluate(EXTERNAL, rule).refused());
        Mail envelopeOnly = Mail.message().to("a@customer.example");
        GuardInput input = new GuardInput(envelopeOnly.summary(), "shared@example.co.jp", List.of("a@customer.example"));
        GuardReport report = GuardEvaluator.evaluate(Guards.configured(rule), input, Guards.WEDNESDAY_MORNING);
        assertTrue(report.refused());
        assertTrue(report.fired().get(0).reason().render(Locale.ENGLISH).contains("shared@example.co.jp"));
    }

    @Test
    void inUnlistedModeOnlyListedSendersMaySend() {
        String[] rule = {"guard.refuse.sender = yes", "guard.refuse.sender.list = taro@example.co.jp",
            "guard.refuse.sender.mode = unlisted"};
        assertFalse(evaluate(EXTERNAL, rule).refused());
        GuardReport report = evaluate(Mail.message().from("taro.private@mail.example").to("a@customer.example"), rule);
        assertTrue(report.refused());
        assertEquals("The sender taro.private@mail.example is not one of the senders allowed to send mail here "
                + "(taro@example.co.jp).", report.fired().get(0).reason().render(Locale.ENGLISH));
    }

    @Test
    void listedRecipientDomainsAndAddressesAreRefused() {
        String[] rule = {"guard.refuse.recipients = yes", "guard.refuse.recipients.list = rival.example, ceo@customer.example"};
        GuardReport report = evaluate(Mail.message().to("a@customer.example").bcc("spy@sales.rival.example"), rule);
        assertTrue(report.refused());
        assertTrue(report.fired().get(0).reason().render(Locale.ENGLISH).contains("spy@sales.rival.example"));
        assertTrue(evaluate(Mail.message().cc("CEO@customer.example"), rule).refused());
        assertFalse(evaluate(Mail.message().to("a@customer.example", "b@notrival.example"), rule).refused());
    }

    @Test
    void sizeIsRefusedOnlyAboveTheMaximum() {
        String[] rule = {"guard.refuse.size = yes", "guard.refuse.size.max = 1MiB"};
        assertFalse(evaluate(Mail.message().to("a@customer.example").size(1024 * 1024), rule).refused());
        GuardReport report = evaluate(Mail.message().to("a@customer.example").size(1024 * 1024 + 1), rule);
        assertEquals(List.of("refuse.size"), fired(report));
        assertEquals("The message is 1,048,577 bytes, larger than the 1,048,576 bytes allowed.",
                report.fired().get(0).reason().render(Locale.ENGLISH));
    }

    @Test
    void attachedFilesAreCountedWithoutInlineImages() {
        String[] rule = {"guard.refuse.attachments = yes", "guard.refuse.attachments.max = 2"};
        Mail two = Mail.message().to("a@customer.example").attach("a.pdf", 10).attach("b.pdf", 10).inlineImage("logo.png");
        assertFalse(evaluate(two, rule).refused());
        assertTrue(evaluate(two.attach("c.pdf", 10), rule).refused());
        assertTrue(evaluate(Mail.message().attach("a.pdf", 1), "guard.refuse.attachments = yes",
                "guard.refuse.attachments.max = 0").refused());
    }

    @Test
    void keywordsAreFoundWhereConfiguredIgnoringWidthAndCase() {
        Mail mail = Mail.message().to("a@customer.example").subject("【社外秘】資料").body("Strictly CONFIDENTIAL")
                .attach("顧客リスト.xlsx", 10);
        GuardReport report = evaluate(mail, "guard.refuse.keywords = yes",
                "guard.refuse.keywords.list = 社外秘, ｃｏｎｆｉｄｅｎｔｉａｌ, 顧客リスト, 極秘");
        assertEquals(List.of("guard.refuse.keywords.subject", "guard.refuse.keywords.body",
                "guard.refuse.keywords.attachment-names"),
                report.fired().stream().map(firing -> firing.reason().key()).toList());
        GuardReport subjectOnly = evaluate(mail, "guard.refuse.keywords = yes",
                "guard.refuse.keywords.list = confidential, 顧客リスト", "guard.refuse.keywords.in = subject");
        assertFalse(subjectOnly.refused());
        GuardReport namesOnly = evaluate(mail, "guard.refuse.keywords = yes",
                "guard.refuse.keywords.list = confidential, 顧客リスト", "guard.refuse.keywords.in = attachment-names");
        assertEquals(List.of("顧客リスト"), namesOnly.fired().stream().map(f -> f.reason().arguments().get(0)).toList());
    }

    @Test
    void phoneNumbersAboveTheMaximumAreRefused() {
        String three = "TEL 03-1234-5678\nFAX ０３－１２３４－５６７９\n携帯 +81 90-1234-5678\n2024-06-12 10:30 ¥1,234,567";
        String[] rule = {"guard.refuse.phones = yes", "guard.refuse.phones.max = 3"};
        assertFalse(evaluate(Mail.message().to("a@customer.example").body(three), rule).refused());
        GuardReport report = evaluate(Mail.message().to("a@customer.example").body(three + "\n+1 212 555 0100"), rule);
        assertEquals(List.of("refuse.phones"), fired(report));
        assertEquals(List.of(4L, 3L), report.fired().get(0).reason().arguments());
    }

    @Test
    void postalAddressesAboveTheMaximumAreRefused() {
        String two = "〒100-0005 東京都千代田区丸の内1-1-1\n大阪府大阪市北区梅田3丁目1番1号";
        String[] rule = {"guard.refuse.postal = yes", "guard.refuse.postal.max = 2"};
        assertFalse(evaluate(Mail.message().to("a@customer.example").body(two), rule).refused());
        GuardReport report = evaluate(Mail.message().to("a@customer.example").body(two + "\nLondon SW1A 2AA"), rule);
        assertEquals(List.of("refuse.postal"), fired(report));
        assertEquals(List.of(3L, 2L), report.fired().get(0).reason().arguments());
    }

    @Test
    void externalScopeLeavesInternalMailAlone() {
        String[] rule = {"guard.refuse.scope = external", "guard.refuse.size = yes", "guard.refuse.size.max = 1KiB"};
        assertFalse(evaluate(INTERNAL.size(5000), rule).refused());
        assertTrue(evaluate(Mail.message().to("hanako@example.co.jp").cc("a@partner.example.com").size(5000), rule)
                .refused());
        assertTrue(evaluate(INTERNAL.size(5000), "guard.refuse.size = yes", "guard.refuse.size.max = 1KiB").refused());
    }

    @Test
    void rulesThatAreOffNeverFire() {
        Mail everything = Mail.message().from("shared@example.co.jp").to("a@rival.example").subject("社外秘")
                .attach("a.pdf", 1).attach("b.pdf", 1).size(1L << 30)
                .body("03-1111-1111 03-2222-2222 〒100-0005 〒100-0006");
        GuardReport report = evaluate(everything, Instant.parse("2024-06-15T14:00:00Z"),
                "guard.refuse.sender.list = shared@example.co.jp", "guard.refuse.recipients.list = rival.example",
                "guard.refuse.keywords.list = 社外秘", "guard.refuse.size.max = 1KiB", "guard.refuse.attachments.max = 0",
                "guard.refuse.phones.max = 0", "guard.refuse.postal.max = 0");
        assertEquals(List.of(), report.fired());
        assertEquals(ZoneId.of("Asia/Tokyo"), Guards.configured().zone());
    }
}
