package dev.hikyaku.gateway.guard;

import static dev.hikyaku.gateway.guard.Guards.evaluate;
import static dev.hikyaku.gateway.guard.Guards.fired;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.gateway.guard.GuardEffect.Refuse;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationOrderTest {
    private static final String[] EVERY_RULE = {
        "guard.refuse.time = yes", "guard.refuse.time.hours = 22:00-06:00",
        "guard.refuse.sender = yes", "guard.refuse.sender.list = shared@example.co.jp",
        "guard.refuse.recipients = yes", "guard.refuse.recipients.list = rival.example",
        "guard.refuse.size = yes", "guard.refuse.size.max = 1MiB",
        "guard.refuse.attachments = yes", "guard.refuse.attachments.max = 1",
        "guard.refuse.keywords = yes", "guard.refuse.keywords.list = 社外秘",
        "guard.refuse.phones = yes", "guard.refuse.phones.max = 1",
        "guard.refuse.postal = yes", "guard.refuse.postal.max = 0",
        "guard.force-bcc = yes", "guard.force-bcc.threshold = 1",
        "guard.confirm = yes", "guard.hold = yes", "guard.stage = yes",
    };

    private static Mail customersAndColleague() {
        return Mail.message().to("a@customer.example", "b@customer.example").cc("hanako@example.co.jp")
                .attach("a.pdf", 10);
    }

    @Test
    void withoutARefusalTheOtherRulesFireInTheirOrder() {
        GuardReport report = evaluate(customersAndColleague(), EVERY_RULE);
        assertEquals(List.of("force-bcc", "confirm", "hold", "stage"), fired(report));
        assertEquals(report.ruleIds(), fired(report));
        assertEquals(Map.of("a@customer.example", Reach.EXTERNAL, "b@customer.example", Reach.EXTERNAL,
                "hanako@example.co.jp", Reach.INTERNAL), report.reach());
    }

    @Test
    void everyRefusalThatHitsIsReportedInOrderAndNothingElse() {
        Mail bad = customersAndColleague().from("shared@example.co.jp").cc("x@rival.example").subject("社外秘")
                .attach("b.pdf", 10).size(2L * 1024 * 1024).body("03-1111-1111 03-2222-2222 〒100-0005");
        Instant night = ZonedDateTime.of(2024, 6, 12, 23, 0, 0, 0, Guards.TOKYO).toInstant();
        GuardReport report = evaluate(bad, night, EVERY_RULE);
        assertEquals(List.of("refuse.time", "refuse.sender", "refuse.recipients", "refuse.size", "refuse.attachments",
                "refuse.keywords", "refuse.phones", "refuse.postal"), fired(report));
        assertTrue(report.refused());
        assertTrue(report.fired().stream().allMatch(firing -> firing.effect() instanceof Refuse refuse
                && refuse.rule() == firing.rule()));
        assertEquals(ReleaseSchedule.none(), report.schedule());
        assertEquals(List.of(), report.schedule().dueBy(night.plusSeconds(86_400)));
    }

    @Test
    void oneRefusalIsEnoughToSkipTheRest() {
        GuardReport report = evaluate(customersAndColleague().subject("社外秘の件"), EVERY_RULE);
        assertEquals(List.of("refuse.keywords"), fired(report));
        assertEquals(1, report.refusals().size());
    }

    @Test
    void theRuleOrderIsTheDocumentedOne() {
        assertEquals(List.of("refuse.time", "refuse.sender", "refuse.recipients", "refuse.size", "refuse.attachments",
                "refuse.keywords", "refuse.phones", "refuse.postal", "force-bcc", "confirm", "hold", "stage"),
                Arrays.stream(GuardRule.values()).map(GuardRule::id).toList());
        for (GuardRule rule : GuardRule.values()) {
            assertEquals(rule, GuardRule.byId(rule.id()).orElseThrow());
            assertTrue(dev.hikyaku.gateway.config.SettingsReader.DEFAULTS.containsKey(rule.switchKey()), rule.switchKey());
        }
    }

    @Test
    void aReportOutOfOrderIsRefused() {
        FiredRule hold = new FiredRule(GuardRule.HOLD, Reason.of("guard.hold.all", "x"),
                new GuardEffect.Hold(Instant.EPOCH, GuardScope.ALL));
        FiredRule size = new FiredRule(GuardRule.REFUSE_SIZE, Reason.of("guard.refuse.size", 2, 1),
                new Refuse(GuardRule.REFUSE_SIZE));
        assertThrows(IllegalArgumentException.class,
                () -> new GuardReport(List.of(hold, size), Map.of(), ReleaseSchedule.none()));
        assertThrows(IllegalArgumentException.class, () -> new Refuse(GuardRule.HOLD));
    }
}
