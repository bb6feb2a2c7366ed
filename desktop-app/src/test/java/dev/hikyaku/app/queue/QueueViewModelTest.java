package dev.hikyaku.app.queue;

import static dev.hikyaku.app.review.ReviewWorld.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.i18n.BundleChecks;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.app.review.ReviewWorld;
import dev.hikyaku.gateway.events.GatewayEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue's model over a real gateway, with direct executors. */
class QueueViewModelTest {
    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path data;
    @TempDir
    Path saved;
    private ReviewWorld world;
    private QueueViewModel model;

    @BeforeEach
    void world() throws Exception {
        world = new ReviewWorld(data);
        model = new QueueViewModel(new LiveText(UiLanguage.ENGLISH), () -> Optional.ofNullable(world.gateway()),
                Clock.systemUTC(), DIRECT, DIRECT);
    }

    @AfterEach
    void close() throws Exception {
        world.close();
    }

    private QueueRow row(String id) {
        return model.rows().stream().filter(row -> row.messageId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void withoutAGatewayTheQueueIsEmpty() {
        model.refresh();
        assertFalse(model.runningProperty().get());
        assertTrue(model.rows().isEmpty());
        model.sendNow(new QueueRow("x", QueueGroup.HELD, "", List.of("a@b.test"), Optional.empty(), 0, "", true,
                true, true));
        assertEquals("The local gateway is not running, so nothing can be changed now.", model.problemProperty().get());
    }

    @Test
    void heldAndAwaitingMessagesAreListedAndTheirActionsWork() throws Exception {
        world.start(event -> { }, Clock.systemUTC(), "guard.hold = yes", "guard.hold.delay = 5m");
        String held = world.submit("Held one", List.of("hanako@tls.test"), false);
        String awaiting = world.submit("Typo", List.of("x@typo.test"), false);
        world.awaitEvent(GatewayEvent.Held.class, held);
        world.awaitEvent(GatewayEvent.AwaitingSender.class, awaiting);
        model.refresh();

        assertEquals(List.of(QueueGroup.AWAITING, QueueGroup.HELD), model.rows().stream().map(QueueRow::group).toList());
        QueueRow heldRow = row(held);
        assertEquals("Held one", heldRow.subject());
        assertEquals(List.of("hanako@tls.test"), heldRow.recipients());
        assertTrue(heldRow.when().isPresent() && heldRow.sendable() && heldRow.cancellable());
        assertFalse(row(awaiting).sendable(), "nothing of it is held");
        assertEquals(1, model.countsProperty().get().of(QueueGroup.HELD));
        assertEquals(1, model.countsProperty().get().needingAttention());

        model.sendNow(heldRow);
        assertEquals("Released: it leaves now.", model.noticeProperty().get());
        await(() -> world.upstream.messages().size() == 1, "send-now from the queue");
        model.cancel(row(awaiting));
        assertEquals("Cancelled for 1 recipient.", model.noticeProperty().get());
        world.awaitEvent(GatewayEvent.Finished.class, awaiting);
        world.awaitEvent(GatewayEvent.Finished.class, held);
        await(() -> {
            model.refresh();
            return model.rows().isEmpty();
        }, "both messages leave the queue");
        assertEquals(1, world.upstream.messages().size(), "the cancelled one never left");
    }

    @Test
    void aMessageThatFailedIsListedFromTheArchiveAndCanBeSaved() throws Exception {
        // Without an agreed passphrase, aes-zip-agreed cannot be made: the recipient fails and the sender is told.
        world.start(event -> { }, Clock.systemUTC(), "packaging.domains = clear.test: aes-zip-agreed");
        String id = world.submit("Needs a passphrase", List.of("ken@clear.test"), true);
        world.awaitEvent(GatewayEvent.Failed.class, id);
        world.awaitEvent(GatewayEvent.Finished.class, id);
        await(() -> {
            model.refresh();
            return model.rows().stream().anyMatch(row -> row.messageId().equals(id));
        }, "the failure in the queue section");

        QueueRow failed = row(id);
        assertEquals(QueueGroup.FAILED, failed.group());
        assertFalse(failed.queued());
        assertFalse(failed.detail().isEmpty());
        Path file = saved.resolve("failed.eml");
        model.save(failed, file);
        assertTrue(Files.readString(file).contains("Needs a passphrase"));
        assertEquals("Saved as " + file + ".", model.noticeProperty().get());
    }

    @Test
    void theQueueBundleIsComplete() throws Exception {
        BundleChecks.assertComplete(QueueKey.class);
    }
}
