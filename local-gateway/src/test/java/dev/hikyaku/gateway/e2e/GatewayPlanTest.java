package dev.hikyaku.gateway.e2e;

import static dev.hikyaku.gateway.e2e.GatewayWorld.SENDER;
import static dev.hikyaku.gateway.e2e.GatewayWorld.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.gateway.archive.ArchivedMessage;
import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.guard.GuardRule;
import dev.hikyaku.gateway.guard.confirm.ConfirmItem;
import dev.hikyaku.gateway.plan.GroupAction;
import dev.hikyaku.gateway.plan.MessagePlan;
import dev.hikyaku.gateway.plan.PlanChangeRefusedException;
import dev.hikyaku.gateway.plan.RecipientGroup;
import dev.hikyaku.gateway.queue.QueueEntry;
import dev.hikyaku.gateway.queue.RecipientState;
import dev.hikyaku.testworld.smtp.ReceivedMessage;
import dev.hikyaku.testworld.time.ShiftedClock;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan between acceptance and release, over real verdicts and a real upstream: guards and group actions. */
class GatewayPlanTest {
    @TempDir
    Path folder;
    private GatewayWorld world;

    @BeforeEach
    void world() throws Exception {
        world = new GatewayWorld(folder);
        world.upstream(world.startTls());
    }

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    private static byte[] message(String subject, String to) {
        return ("From: " + SENDER + "\r\nTo: " + to + "\r\nSubject: " + subject
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nbody\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private String onlyMessageId() {
        return world.gateway.queue().get(0).message().id();
    }

    private RecipientState state(String id, String address) {
        return world.gateway.queue().stream().filter(entry -> entry.message().id().equals(id)).findFirst()
                .map(QueueEntry::recipients).orElseThrow().stream().filter(r -> r.address().equals(address))
                .findFirst().orElseThrow().state();
    }

    private static int index(MessagePlan plan, String domain) {
        List<RecipientGroup> groups = plan.sendPlan().groups();
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).domain().equals(domain)) {
                return i;
            }
        }
        throw new AssertionError("no group for " + domain);
    }

    @Test
    void aRefusedMessageNeverLeavesAndGoesBackToTheSenderNamingTheRule() throws Exception {
        world.guard = GatewayWorld.guard("guard.refuse.keywords = yes", "guard.refuse.keywords.list = 極秘");
        world.start(GatewayWorld.quickRetries(Duration.ZERO));
        world.submit(message("=?UTF-8?B?5qW156eY?= plan", "hanako@plain.test"), List.of("hanako@plain.test"), null, null);

        await(() -> world.upstream.messages().size() == 1, "the refusal notice");
        ReceivedMessage notice = world.upstream.messages().get(0);
        assertEquals(List.of(SENDER), notice.recipients(), "nothing went to the recipient");
        String text = (String) new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(notice.raw())).getContent();
        assertTrue(text.contains("極秘"), text);
        assertTrue(text.contains("Hikyaku did not send your message"), text);
        assertTrue(world.events.stream().anyMatch(e -> e instanceof GatewayEvent.Refused refused
                && refused.rules().equals(List.of(GuardRule.REFUSE_KEYWORDS.id()))));
    }

    @Test
    void theSendPlanGroupsRecipientsByTheirRealVerdicts() throws Exception {
        world.start(GatewayWorld.quickRetries(Duration.ofHours(1)));
        world.submit(message("plan", "a@secure.test"), List.of("a@secure.test", "b@plain.test", "c@clear.test"), null, null);
        await(() -> world.events.stream().anyMatch(e -> e instanceof GatewayEvent.Planned), "the plan");

        MessagePlan plan = world.gateway.plan(onlyMessageId()).orElseThrow();
        assertEquals(Level.AUTHENTICATED, plan.sendPlan().groupOf("a@secure.test").level());
        assertEquals(Level.ENCRYPTED, plan.sendPlan().groupOf("b@plain.test").level());
        assertEquals(Level.PLAINTEXT, plan.sendPlan().groupOf("c@clear.test").level());
        assertTrue(plan.sendPlan().groupOf("c@clear.test").action() instanceof GroupAction.AesZip);
        assertEquals(List.of(GuardRule.HOLD), plan.hits().stream().map(hit -> hit.rule()).toList());
    }

    @Test
    void aDomainThatTakesNoMailWaitsForTheSenderWhileTheOthersGo() throws Exception {
        world.start(GatewayWorld.quickRetries(Duration.ZERO));
        world.submit(message("typo", "hanako@plain.test"), List.of("hanako@plain.test", "x@typo.test"), null, null);
        await(() -> world.upstream.messages().size() == 1, "the good recipient's copy");
        assertEquals(List.of("hanako@plain.test"), world.upstream.messages().get(0).recipients());
        String id = onlyMessageId();
        await(() -> state(id, "x@typo.test") == RecipientState.AWAITING, "the typo waits");
        assertTrue(world.events.stream().anyMatch(e -> e instanceof GatewayEvent.AwaitingSender waiting
                && waiting.recipients().equals(List.of("x@typo.test"))));

        MessagePlan plan = world.gateway.plan(id).orElseThrow();
        int typo = index(plan, "typo.test");
        assertThrows(PlanChangeRefusedException.class, () -> world.gateway.choose(id, typo, new GroupAction.AsIs()));
        world.gateway.choose(id, typo, new GroupAction.Refuse());
        await(() -> world.events.stream().anyMatch(e -> e instanceof GatewayEvent.Finished), "the message settles");
        assertEquals(1, world.upstream.messages().size());
    }

    @Test
    void stagedDeliverySendsInternalMailAtOnceAndExternalMailLater() throws Exception {
        world.guard = GatewayWorld.guard("domains.internal = office.test", "guard.stage = yes", "guard.stage.delay = 10m");
        ShiftedClock clock = new ShiftedClock();
        world.start(GatewayWorld.quickRetries(Duration.ZERO), clock);
        world.submit(message("staged", "jiro@office.test"), List.of("jiro@office.test", "hanako@plain.test"), null, null);

        await(() -> world.upstream.messages().size() == 1, "the internal copy");
        assertEquals(List.of("jiro@office.test"), world.upstream.messages().get(0).recipients());
        Thread.sleep(500);
        assertEquals(1, world.upstream.messages().size(), "the external copy waits");

        clock.advance(Duration.ofMinutes(11));
        await(() -> world.upstream.messages().size() == 2, "the external copy after the stage delay");
        assertEquals(List.of("hanako@plain.test"), world.upstream.messages().get(1).recipients());
    }

    @Test
    void cancellingAStagedMessageStopsTheExternalPart() throws Exception {
        world.guard = GatewayWorld.guard("domains.internal = office.test", "guard.stage = yes", "guard.stage.delay = 10m");
        ShiftedClock clock = new ShiftedClock();
        world.start(GatewayWorld.quickRetries(Duration.ZERO), clock);
        world.submit(message("staged", "jiro@office.test"), List.of("jiro@office.test", "hanako@plain.test"), null, null);
        await(() -> world.upstream.messages().size() == 1, "the internal copy");
        String id = onlyMessageId();

        assertEquals(1, world.gateway.cancel(id));
        clock.advance(Duration.ofMinutes(11));
        Thread.sleep(500);
        assertEquals(1, world.upstream.messages().size(), "nothing after a cancel");
        await(() -> archived(id).flatMap(ArchivedMessage::cancelledAt).isPresent(), "the archive marks it cancelled");
    }

    @Test
    void heldMailLeavesWhenTheHoldEndsOrAtOnceOnSendNow() throws Exception {
        ShiftedClock clock = new ShiftedClock();
        world.start(GatewayWorld.quickRetries(Duration.ofMinutes(5)), clock);
        world.submit(message("first", "hanako@plain.test"), List.of("hanako@plain.test"), null, null);
        world.submit(message("second", "jiro@plain.test"), List.of("jiro@plain.test"), null, null);
        await(() -> world.events.stream().filter(e -> e instanceof GatewayEvent.Held).count() == 2, "both held");
        Thread.sleep(500);
        assertTrue(world.upstream.messages().isEmpty(), "nothing before the hold ends");

        String second = world.gateway.queue().stream()
                .filter(entry -> entry.recipients().get(0).address().equals("jiro@plain.test")).findFirst()
                .orElseThrow().message().id();
        assertTrue(world.gateway.sendNow(second));
        await(() -> world.upstream.messages().size() == 1, "send-now");
        assertEquals(List.of("jiro@plain.test"), world.upstream.messages().get(0).recipients());

        clock.advance(Duration.ofMinutes(6));
        await(() -> world.upstream.messages().size() == 2, "the hold's end");
        assertEquals(List.of("hanako@plain.test"), world.upstream.messages().get(1).recipients());
    }

    private Optional<ArchivedMessage> archived(String id) {
        try {
            return world.gateway.archive().find(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void externalMailWaitsUntilTheSenderTicksEveryItem() throws Exception {
        world.guard = GatewayWorld.guard("domains.internal = office.test", "guard.confirm = yes");
        world.start(GatewayWorld.quickRetries(Duration.ZERO));
        world.submit(message("confirm", "hanako@plain.test"), List.of("jiro@office.test", "hanako@plain.test"), null, null);
        await(() -> world.upstream.messages().size() == 1, "the internal copy");
        String id = onlyMessageId();
        await(() -> state(id, "hanako@plain.test") == RecipientState.AWAITING, "the external recipient waits");

        MessagePlan plan = world.gateway.plan(id).orElseThrow();
        assertEquals(List.of(new ConfirmItem.Recipient("hanako@plain.test")), plan.toConfirm());
        MessagePlan confirmed = world.gateway.confirm(id, new ConfirmItem.Recipient("hanako@plain.test"), "taro");
        assertEquals("taro", confirmed.confirmations().get(0).confirmedBy());
        await(() -> world.upstream.messages().size() == 2, "the external copy once confirmed");
        assertEquals(List.of("hanako@plain.test"), world.upstream.messages().get(1).recipients());
    }
}
