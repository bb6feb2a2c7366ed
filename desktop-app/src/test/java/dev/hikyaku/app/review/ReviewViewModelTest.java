package dev.hikyaku.app.review;

import static dev.hikyaku.app.review.ReviewWorld.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.app.i18n.BundleChecks;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.app.review.warnings.Warning;
import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.guard.confirm.ConfirmItem;
import dev.hikyaku.gateway.plan.ActionName;
import dev.hikyaku.gateway.plan.GroupAction;
import dev.hikyaku.testworld.smtp.ReceivedMessage;
import dev.hikyaku.testworld.time.ShiftedClock;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review's model over a real gateway, with every executor direct so each command is done when it returns. */
class ReviewViewModelTest {
    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path data;
    @TempDir
    Path drafts;
    private ReviewWorld world;
    private final ShiftedClock clock = new ShiftedClock();
    private final LiveText text = new LiveText(UiLanguage.ENGLISH);

    @BeforeEach
    void world() throws Exception {
        world = new ReviewWorld(data);
    }

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    private ReviewViewModel review(String id) {
        ReviewViewModel model = new ReviewViewModel(id, world.context(text, clock, DIRECT, DIRECT));
        model.refresh();
        return model;
    }

    private static GroupRow group(ReviewViewModel model, String domain) {
        return model.groups().stream().filter(row -> row.domain().equals(domain)).findFirst().orElseThrow();
    }

    @Test
    void aHeldMessageShowsEachGroupsVerdictActionAndChoicesWithAttachmentsWarningsAndCountdown() throws Exception {
        world.start(event -> { }, clock, "guard.hold = yes", "guard.hold.delay = 5m");
        String id = world.submit("Estimate", List.of("Hanako <hanako@tls.test>", "ken@clear.test", "x@typo.test"), true);
        world.awaitEvent(GatewayEvent.AwaitingSender.class, id);
        ReviewViewModel model = review(id);

        assertEquals("Estimate", model.subjectProperty().get());
        assertEquals("Taro Yamada <taro@office.test>", model.fromProperty().get());
        assertEquals(ReviewState.AWAITING, model.stateProperty().get());
        assertEquals(List.of("clear.test", "tls.test", "typo.test"),
                model.groups().stream().map(GroupRow::domain).toList());

        GroupRow tls = group(model, "tls.test");
        assertEquals(Level.ENCRYPTED, tls.level());
        assertEquals("TLS", tls.levelText().get());
        assertEquals("External", tls.sideText().get());
        assertEquals("Recipients: Hanako <hanako@tls.test>", tls.recipientsText().get());
        assertFalse(tls.reason().get().isEmpty(), "the cache's report gives the reason");
        assertTrue(tls.evidence().orElseThrow().get().contains("MX mx.tls.test"), tls.evidence().get().get());
        assertEquals(new GroupAction.AsIs(), tls.actionProperty().get());
        assertEquals(7, tls.choices().size(), "as-is may become anything but S/MIME (no certificate store yet)");
        assertFalse(tls.choices().contains(new GroupAction.SmimeEncrypt()));

        GroupRow clear = group(model, "clear.test");
        assertEquals("Plaintext possible", clear.levelText().get());
        assertEquals("aes-zip", ActionName.of(clear.actionProperty().get()));
        assertFalse(clear.choices().contains(new GroupAction.AsIs()), "never as-is over a plaintext route");

        GroupRow typo = group(model, "typo.test");
        assertEquals("Takes no mail", typo.levelText().get());
        assertEquals(List.of(new GroupAction.HoldForSender(), new GroupAction.Refuse()), typo.choices());
        assertTrue(typo.changeableProperty().get());

        assertEquals(List.of(new AttachmentRow("estimate.pdf", "2.0 KB", "application/pdf", false)), model.attachments());
        assertEquals(List.of(new Warning.NewDomain("clear.test"), new Warning.NewDomain("tls.test"),
                new Warning.NoMail("typo.test")), model.warnings().stream().map(WarningRow::warning).toList());
        assertTrue(model.countdownProperty().get().matches("Leaves in [45]:\\d\\d"), model.countdownProperty().get());
        clock.advance(Duration.ofMinutes(3));
        model.tick();
        assertTrue(model.countdownProperty().get().matches("Leaves in [12]:\\d\\d"), model.countdownProperty().get());
        assertTrue(model.sendNowAllowedProperty().get());
        assertTrue(model.cancelAllowedProperty().get());
    }

    @Test
    void theSenderChangesAnActionWithinPolicyAndIsToldWhenThePolicyRefuses() throws Exception {
        world.start(event -> { }, clock, "guard.hold = yes", "guard.hold.delay = 5m");
        String id = world.submit("Plan", List.of("hanako@tls.test", "ken@clear.test"), true);
        world.awaitEvent(GatewayEvent.Held.class, id);
        ReviewViewModel model = review(id);

        model.choose(group(model, "tls.test"), new GroupAction.PlainZip());
        assertEquals("zip", ActionName.of(world.gateway().plan(id).orElseThrow().sendPlan().groupOf("hanako@tls.test")
                .action()));
        assertEquals(new GroupAction.PlainZip(), group(model, "tls.test").actionProperty().get());

        model.choose(group(model, "clear.test"), new GroupAction.AsIs());
        assertEquals("The policy does not allow that action for clear.test.", model.problemProperty().get());
        assertEquals("aes-zip", ActionName.of(group(model, "clear.test").actionProperty().get()));

        model.sendNow();
        await(() -> world.upstream.messages().size() == 2, "both copies");
        ReceivedMessage tls = world.upstream.messages().stream()
                .filter(message -> message.recipients().equals(List.of("hanako@tls.test"))).findFirst().orElseThrow();
        assertTrue(tls.text().contains("application/zip"), "the chosen plain zip");
    }

    @Test
    void externalMailWaitsForEveryTickOneByOne() throws Exception {
        world.start(event -> { }, clock, "guard.confirm = yes");
        String id = world.submit("Confirm", List.of("jiro@office.test", "hanako@tls.test"), true);
        world.awaitEvent(GatewayEvent.AwaitingSender.class, id);
        await(() -> world.upstream.messages().size() == 1, "the internal copy");
        ReviewViewModel model = review(id);

        assertEquals(List.of(new ConfirmItem.Recipient("hanako@tls.test"), new ConfirmItem.File("2", "estimate.pdf", 2048)),
                model.confirmations().stream().map(ConfirmRow::item).toList());
        assertEquals("Send to hanako@tls.test", model.confirmations().get(0).label().get());
        assertEquals("Send the attachment estimate.pdf (2.0 KB)", model.confirmations().get(1).label().get());

        model.confirm(model.confirmations().get(0));
        assertTrue(model.confirmations().get(0).tickedProperty().get());
        assertEquals("Confirmed by taro@office.test", model.confirmations().get(0).confirmedByProperty().get());
        Thread.sleep(300);
        assertEquals(1, world.upstream.messages().size(), "one tick is not enough");

        model.confirm(model.confirmations().get(1));
        await(() -> world.upstream.messages().size() == 2, "the external copy after the last tick");
        assertEquals(List.of("hanako@tls.test"), world.upstream.messages().get(1).recipients());
    }

    @Test
    void sendNowReleasesAHeldMessageAndCancelKeepsAnotherHome() throws Exception {
        world.start(event -> { }, clock, "guard.hold = yes", "guard.hold.delay = 5m");
        String go = world.submit("Go", List.of("hanako@tls.test"), false);
        String stay = world.submit("Stay", List.of("jiro@tls.test"), false);
        world.awaitEvent(GatewayEvent.Held.class, stay);
        ReviewViewModel first = review(go);
        ReviewViewModel second = review(stay);

        first.sendNow();
        assertEquals("Released: it leaves now.", first.noticeProperty().get());
        await(() -> world.upstream.messages().size() == 1, "send-now");
        second.cancel();
        assertEquals("Cancelled for 1 recipient.", second.noticeProperty().get());
        world.awaitEvent(GatewayEvent.Finished.class, stay);
        await(() -> cancelledInArchive(stay), "archived as cancelled");
        second.refresh();
        assertEquals(ReviewState.CANCELLED, second.stateProperty().get());
        assertFalse(second.cancelAllowedProperty().get());
        assertFalse(world.gateway().sendNow(stay), "nothing is left to send");
        assertEquals(List.of("hanako@tls.test"), world.upstream.messages().get(0).recipients());
    }

    private boolean cancelledInArchive(String id) {
        try {
            return world.gateway().archive().find(id).flatMap(archived -> archived.cancelledAt()).isPresent();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void backToDraftSavesTheOriginalAndCancels() throws Exception {
        world.start(event -> { }, clock, "guard.hold = yes", "guard.hold.delay = 5m");
        String id = world.submit("Draft", List.of("hanako@tls.test"), true);
        world.awaitEvent(GatewayEvent.Held.class, id);
        ReviewViewModel model = review(id);

        Path file = drafts.resolve("draft.eml");
        model.backToDraft(file);
        ByteArrayOutputStream original = new ByteArrayOutputStream();
        world.gateway().archive().exportEml(id, original);
        assertTrue(Files.size(file) > 2048);
        assertEquals(original.toString(java.nio.charset.StandardCharsets.UTF_8), Files.readString(file));
        assertTrue(model.noticeProperty().get().startsWith("Saved as " + file), model.noticeProperty().get());
        world.awaitEvent(GatewayEvent.Cancelled.class, id);
        assertTrue(world.upstream.messages().isEmpty());
    }

    @Test
    void aFreshPassphraseIsShownButNeverPrinted() throws Exception {
        world.start(event -> { }, clock);
        String id = world.submit("Zip", List.of("ken@clear.test"), true);
        GatewayEvent.PassphraseIssued issued = world.awaitEvent(GatewayEvent.PassphraseIssued.class, id);
        ReviewViewModel model = review(id);
        model.passphraseIssued(issued.recipients());

        assertEquals(1, model.passphrases().size());
        PassphraseRow row = model.passphrases().get(0);
        char[] kept = world.gateway().passphrases().lookup("ken@clear.test").orElseThrow().passphrase().chars();
        assertEquals(new String(kept), row.passphrase());
        assertTrue(row.passphrase().length() >= 12, "a real passphrase");
        assertFalse(row.toString().contains(row.passphrase()));
        assertTrue(model.holdsPassphrase());
        await(() -> world.upstream.messages().size() == 1, "the zipped copy");
        model.dispose();
        assertTrue(model.passphrases().isEmpty(), "forgotten when the window closes");
    }

    @Test
    void switchingTheLanguageRelabelsTheReview() throws Exception {
        world.start(event -> { }, clock, "guard.hold = yes", "guard.hold.delay = 5m");
        String id = world.submit("言語", List.of("hanako@tls.test"), false);
        world.awaitEvent(GatewayEvent.Held.class, id);
        ReviewViewModel model = review(id);
        String englishReason = group(model, "tls.test").reason().get();

        text.languageProperty().set(UiLanguage.JAPANESE);
        assertEquals("TLS", group(model, "tls.test").levelText().get());
        assertEquals("社外", group(model, "tls.test").sideText().get());
        assertTrue(model.countdownProperty().get().startsWith("送信まで "), model.countdownProperty().get());
        assertTrue(model.statusProperty().get().startsWith("保留中"), model.statusProperty().get());
        assertFalse(group(model, "tls.test").reason().get().equals(englishReason), "the reason in Japanese");
        assertEquals("送信前の確認: 言語", model.titleProperty().get());
    }

    @Test
    void theReviewBundleIsComplete() throws Exception {
        BundleChecks.assertComplete(ReviewKey.class);
    }
}
