package dev.hikyaku.app.queue;

import static dev.hikyaku.app.review.ReviewWorld.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.app.review.ReviewDialogs;
import dev.hikyaku.app.review.ReviewWindows;
import dev.hikyaku.app.review.ReviewWorld;
import dev.hikyaku.app.shell.FxEvents;
import dev.hikyaku.app.shell.ShellView;
import dev.hikyaku.gateway.events.GatewayEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The queue tab of the real main window over a real gateway, with the review windows it opens. */
class QueueSectionTest {
    @TempDir
    Path data;
    private final FxRobot robot = new FxRobot();
    private final ExecutorService background = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "queue-test-work");
        thread.setDaemon(true);
        return thread;
    });
    private ReviewWorld world;
    private ReviewWindows windows;
    private QueueViewModel model;
    private FxEvents events;

    @BeforeEach
    void world() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        world = new ReviewWorld(data);
        events = new FxEvents(Platform::runLater);
        LiveText text = new LiveText(UiLanguage.ENGLISH);
        robot.interact(() -> {
            windows = new ReviewWindows(world.context(text, Clock.systemUTC(), background, Platform::runLater),
                    (owner, name) -> Optional.empty());
            model = new QueueViewModel(text, () -> Optional.ofNullable(world.gateway()), Clock.systemUTC(), background,
                    Platform::runLater);
            // Only the queue's button opens reviews here, so no window comes up over the main one unasked.
            events.subscribe(model::on);
            new ShellView(text, List.of(new QueueSection(text, model, Clock.systemUTC(), windows::open,
                    new ReviewDialogs(text), (owner, name) -> Optional.empty()))).show(stage);
        });
    }

    @AfterEach
    void close() throws Exception {
        // The gateway first: an event arriving after the clean-up would open a window over the next test.
        world.close();
        background.shutdownNow();
        FxToolkit.cleanupStages();
    }

    private HBox row(String id) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> rowNode(id).isPresent());
        return rowNode(id).orElseThrow();
    }

    private Optional<HBox> rowNode(String id) {
        return robot.lookup("." + QueueSection.ROW_CLASS).queryAllAs(HBox.class).stream()
                .filter(row -> id.equals(row.getUserData())).findFirst();
    }

    private void awaitWords(String id, String expected) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> rowNode(id).map(QueueSectionTest::words)
                .filter(expected::equals).isPresent());
    }

    private static Button button(HBox row, String styleClass) {
        return (Button) row.getChildren().stream().filter(node -> node.getStyleClass().contains(styleClass))
                .findFirst().orElseThrow();
    }

    private static String words(HBox row) {
        return ((Label) row.getChildren().get(0)).getText() + " | " + ((Label) ((javafx.scene.layout.VBox)
                row.getChildren().get(1)).getChildren().get(0)).getText();
    }

    @Test
    void theQueueShowsHeldAndWaitingMailAndItsButtonsAct() throws Exception {
        world.start(events, Clock.systemUTC(), "guard.hold = yes", "guard.hold.delay = 5m");
        String held = world.submit("Held one", List.of("hanako@tls.test"), false);
        String typo = world.submit("Typo", List.of("x@typo.test"), false);
        world.awaitEvent(GatewayEvent.AwaitingSender.class, typo);

        awaitWords(held, "Held | Held one: hanako@tls.test");
        awaitWords(typo, "Waiting for you | Typo: x@typo.test");
        HBox typoRow = row(typo);
        assertTrue(robot.lookup("Held (1)").tryQuery().isPresent());
        assertTrue(robot.lookup("Waiting for you (1)").tryQuery().isPresent());
        assertTrue(button(typoRow, QueueSection.SEND_NOW_CLASS).isDisabled(), "nothing of it is held");
        assertEquals(1, model.countsProperty().get().needingAttention());

        robot.clickOn(button(row(held), QueueSection.SEND_NOW_CLASS));
        await(() -> world.upstream.messages().size() == 1, "send-now from the queue");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> rowNode(held).isEmpty());

        robot.clickOn(button(row(typo), QueueSection.OPEN_CLASS));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> windows.stage(typo)
                .map(Stage::isShowing).orElse(false)).get());

        robot.interact(() -> windows.stage(typo).ifPresent(Stage::close));
        robot.clickOn(button(row(typo), QueueSection.CANCEL_CLASS));
        robot.clickOn("#" + ReviewDialogs.CONFIRM_ID);
        world.awaitEvent(GatewayEvent.Finished.class, typo);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> rowNode(typo).isEmpty());
        assertTrue(robot.lookup("#" + QueueSection.EMPTY_ID).queryAs(Label.class).isVisible());
        assertEquals(1, world.upstream.messages().size());
    }
}
