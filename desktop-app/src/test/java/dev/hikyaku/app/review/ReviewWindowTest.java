package dev.hikyaku.app.review;

import static dev.hikyaku.app.review.ReviewWorld.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.app.shell.FxEvents;
import dev.hikyaku.gateway.events.GatewayEvent;
import dev.hikyaku.gateway.plan.GroupAction;
import dev.hikyaku.gateway.queue.RecipientState;
import dev.hikyaku.testworld.smtp.ReceivedMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real review windows, driven by a robot, over a real gateway whose upstream is a loopback server. */
class ReviewWindowTest {
    @TempDir
    Path data;
    @TempDir
    Path drafts;
    private final FxRobot robot = new FxRobot();
    private final ExecutorService background = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "review-test-work");
        thread.setDaemon(true);
        return thread;
    });
    private ReviewWorld world;
    private ReviewWindows windows;
    private FxEvents events;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void world() throws Exception {
        world = new ReviewWorld(data);
        events = new FxEvents(Platform::runLater);
        robot.interact(() -> {
            windows = new ReviewWindows(world.context(new LiveText(UiLanguage.ENGLISH), Clock.systemUTC(), background,
                    Platform::runLater), (owner, name) -> Optional.of(drafts.resolve(name)));
            events.subscribe(windows::on);
        });
    }

    @AfterEach
    void close() throws Exception {
        // The gateway first: an event arriving after the clean-up would open a window over the next test.
        world.close();
        background.shutdownNow();
        FxToolkit.cleanupStages();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    private Stage window(String id) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> windows.stage(id).map(Stage::isShowing)
                .orElse(false)));
        return onFx(() -> windows.stage(id).orElseThrow());
    }

    private void awaitClosed(String id) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> windows.stage(id).isEmpty()));
    }

    private <T extends Node> T node(Stage stage, String id, Class<T> type) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.from(stage.getScene().getRoot()).lookup("#" + id).tryQuery().isPresent());
        return robot.from(stage.getScene().getRoot()).lookup("#" + id).queryAs(type);
    }

    /** Moves the focus to the control first, as Tab would, so the review scrolls it into sight, then clicks it. */
    private void click(Stage stage, String id) throws Exception {
        Node target = node(stage, id, Node.class);
        robot.interact(target::requestFocus);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> {
            Bounds bounds = target.localToScene(target.getBoundsInLocal());
            return bounds.getMinY() >= 0 && bounds.getMaxY() <= stage.getScene().getHeight();
        }));
        robot.clickOn(target);
    }

    private String label(Stage stage, String id) throws Exception {
        return node(stage, id, Label.class).getText();
    }

    private void awaitLabel(Stage stage, String id, String expected) throws Exception {
        node(stage, id, Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> expected.equals(label(stage, id)));
    }

    private RecipientState state(String id, String recipient) {
        return world.gateway().queue().stream().filter(entry -> entry.message().id().equals(id)).findFirst()
                .orElseThrow().recipients().stream().filter(status -> status.address().equals(recipient))
                .findFirst().orElseThrow().state();
    }

    @Test
    void aHeldMessageComesForwardWithVerdictsActionsAndWarningsAndSendNowReleasesIt() throws Exception {
        world.start(events, Clock.systemUTC(), "guard.hold = yes", "guard.hold.delay = 5m");
        String id = world.submit("Estimate", List.of("Hanako <hanako@tls.test>", "ken@clear.test", "x@typo.test"), true);
        Stage review = window(id);

        awaitLabel(review, "group-2-domain", "typo.test");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "Review before sending: Estimate".equals(review.getTitle()));
        assertEquals("clear.test", label(review, "group-0-domain"));
        assertEquals("Plaintext possible", label(review, "group-0-level"));
        assertEquals("TLS", label(review, "group-1-level"));
        assertEquals("Takes no mail", label(review, "group-2-level"));
        assertEquals("Route security for tls.test: TLS",
                node(review, "group-1-level", Label.class).getAccessibleText());
        assertEquals("External", label(review, "group-1-side"));
        assertEquals("Recipients: Hanako <hanako@tls.test>", label(review, "group-1-recipients"));
        assertFalse(label(review, "group-1-reason").isEmpty());
        assertEquals("estimate.pdf: 2.0 KB, application/pdf", label(review, "attachment-0"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> label(review, "reviewCountdown").matches("Leaves in [45]:\\d\\d"));
        awaitLabel(review, "warning-2", "⚠ typo.test takes no mail (it has no mail server): the address is probably mistyped.");
        assertEquals("⚠ You have never sent mail to clear.test before.", label(review, "warning-0"));

        click(review, "group-1-evidence");
        assertTrue(node(review, "group-1-evidenceText", TextArea.class).getText().contains("MX mx.tls.test"));

        ComboBox<?> typo = node(review, "group-2-action", ComboBox.class);
        assertEquals(List.of(new GroupAction.HoldForSender(), new GroupAction.Refuse()), List.copyOf(typo.getItems()));
        click(review, "group-2-action");
        robot.clickOn("Do not send");
        await(() -> state(id, "x@typo.test") == RecipientState.CANCELLED, "the refused group");
        assertTrue(world.gateway().plan(id).orElseThrow().sendPlan().groupOf("x@typo.test").action()
                instanceof GroupAction.Refuse);
        assertTrue(world.upstream.messages().isEmpty(), "still held");

        robot.clickOn(node(review, "reviewSendNow", Node.class));
        await(() -> world.upstream.messages().size() == 2, "send-now releases the held groups");
        assertEquals(List.of(List.of("hanako@tls.test"), List.of("ken@clear.test")), world.upstream.messages().stream()
                .map(ReceivedMessage::recipients).sorted((a, b) -> a.get(0).compareTo(b.get(0))).toList());

        // The plaintext group went in an AES zip with a fresh passphrase: the review stays to show it.
        world.awaitEvent(GatewayEvent.Finished.class, id);
        String passphrase = label(review, "passphrase-0");
        char[] kept = world.gateway().passphrases().lookup("ken@clear.test").orElseThrow().passphrase().chars();
        assertEquals("Passphrase for ken@clear.test: " + new String(kept), passphrase);
        click(review, "passphraseCopy-0");
        assertEquals(new String(kept), onFx(() -> Clipboard.getSystemClipboard().getString()));
        assertTrue(onFx(review::isShowing), "still open for the passphrase");
        robot.clickOn(node(review, "reviewClose", Node.class));
        awaitClosed(id);
    }

    @Test
    void externalMailReachesTheUpstreamOnlyOnceEachItemIsTicked() throws Exception {
        world.start(events, Clock.systemUTC(), "guard.confirm = yes");
        String id = world.submit("Confirm", List.of("jiro@office.test", "hanako@tls.test"), true);
        Stage review = window(id);
        await(() -> world.upstream.messages().size() == 1, "the internal copy");

        CheckBox recipient = node(review, "confirm-0", CheckBox.class);
        CheckBox file = node(review, "confirm-1", CheckBox.class);
        assertEquals("Send to hanako@tls.test", recipient.getText());
        assertEquals("Send the attachment estimate.pdf (2.0 KB)", file.getText());
        click(review, "confirm-0");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, recipient::isDisabled);
        Thread.sleep(300);
        assertEquals(1, world.upstream.messages().size(), "not before the last tick");
        assertEquals(RecipientState.AWAITING, state(id, "hanako@tls.test"));

        click(review, "confirm-1");
        await(() -> world.upstream.messages().size() == 2, "the external copy after the last tick");
        assertEquals(List.of("hanako@tls.test"), world.upstream.messages().get(1).recipients());
        awaitClosed(id);
    }

    @Test
    void cancelAsksFirstRemindsOfTheSentFolderAndThenNothingLeaves() throws Exception {
        world.start(events, Clock.systemUTC(), "guard.hold = yes", "guard.hold.delay = 5m");
        String id = world.submit("Cancel me", List.of("hanako@tls.test"), false);
        Stage review = window(id);
        awaitLabel(review, "group-0-domain", "tls.test");

        robot.clickOn(node(review, "reviewCancel", Node.class));
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("Cancel \"Cancel me\"?", dialog.getHeaderText());
        assertTrue(dialog.getContentText().contains("already filed a copy of this message under Sent"));
        robot.clickOn("#" + ReviewDialogs.KEEP_ID);
        assertEquals(RecipientState.HELD, state(id, "hanako@tls.test"), "kept");

        robot.clickOn(node(review, "reviewCancel", Node.class));
        robot.clickOn("#" + ReviewDialogs.CONFIRM_ID);
        world.awaitEvent(GatewayEvent.Cancelled.class, id);
        awaitClosed(id);
        assertFalse(world.gateway().sendNow(id), "nothing is left to send");
        assertTrue(world.upstream.messages().isEmpty());
    }

    @Test
    void backToDraftSavesTheMessageAsAnEmlFileAndCancelsIt() throws Exception {
        world.start(events, Clock.systemUTC(), "guard.hold = yes", "guard.hold.delay = 5m");
        String id = world.submit("Draft me", List.of("hanako@tls.test"), true);
        Stage review = window(id);
        awaitLabel(review, "group-0-domain", "tls.test");

        robot.clickOn(node(review, "reviewBackToDraft", Node.class));
        robot.clickOn("#" + ReviewDialogs.CONFIRM_ID);
        world.awaitEvent(GatewayEvent.Cancelled.class, id);
        Path file = drafts.resolve(id + ".eml");
        assertTrue(Files.readString(file).contains("Subject: Draft me"));
        assertTrue(Files.readString(file).contains("estimate.pdf"));
        awaitClosed(id);
        assertTrue(world.upstream.messages().isEmpty());
    }

    @Test
    void oneWindowPerMessageReusedWhenAskedAgain() throws Exception {
        world.start(events, Clock.systemUTC(), "guard.hold = yes", "guard.hold.delay = 5m");
        String first = world.submit("First", List.of("hanako@tls.test"), false);
        String second = world.submit("Second", List.of("jiro@tls.test"), false);
        Stage one = window(first);
        Stage two = window(second);
        assertFalse(one == two);
        robot.interact(() -> windows.open(first));
        assertTrue(one == window(first), "the same window comes forward");
        assertEquals(2L, (long) onFx(() -> robot.listWindows().stream().filter(w -> w instanceof Stage
                && ((Stage) w).getTitle() != null && ((Stage) w).getTitle().startsWith("Review")).count()));
    }
}
