package dev.hikyaku.app.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.app.shell.ShellView;
import dev.hikyaku.gateway.archive.ArchiveEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ArchiveWindowTest {
    @TempDir
    static Path temp;

    private final ExecutorService background = Executors.newCachedThreadPool();
    private final AtomicReference<Path> saveTo = new AtomicReference<>();
    private SeededArchive seeded;
    private ArchiveViewModel model;

    @Start
    void start(Stage stage) throws IOException {
        seeded = SeededArchive.create(Files.createTempDirectory(temp, "archive"));
        LiveText text = new LiveText(UiLanguage.ENGLISH);
        model = new ArchiveViewModel(text, () -> Optional.of(seeded.archive),
                CompletableFuture.delayedExecutor(250, TimeUnit.MILLISECONDS, background), background,
                Platform::runLater, ZoneOffset.UTC);
        model.refresh();
        SaveTarget answer = (owner, title, filter, suggested) -> Optional.of(saveTo.get().resolve(suggested));
        new ShellView(text, List.of(new ArchiveView(text, model, answer, ZoneOffset.UTC))).show(stage);
    }

    @AfterEach
    void stop() throws IOException {
        background.shutdownNow();
        seeded.archive.close();
    }

    @Test
    void typingAWordFindsTheMessagesAndFiltersNarrowThem(FxRobot robot) throws Exception {
        await(() -> ids(robot).size() == 3, "every message at first");
        robot.clickOn("#" + ArchiveView.SEARCH_ID).write("Quarterly");
        await(() -> ids(robot).equals(List.of(SeededArchive.NUMBERS, SeededArchive.REPORT)), "two Quarterly");
        assertEquals("2 messages.", label(robot, ArchiveView.STATUS_ID).getText());

        robot.clickOn("#" + ArchiveView.DOMAIN_ID).write("clear.test");
        await(() -> ids(robot).equals(List.of(SeededArchive.REPORT)), "only the one to clear.test");

        robot.clickOn("#" + ArchiveView.CLEAR_ID);
        await(() -> ids(robot).size() == 3, "everything again");
        robot.interact(() -> robot.lookup("#" + ArchiveView.LEVEL_ID).<ComboBox<Optional<Level>>>query()
                .setValue(Optional.of(Level.PLAINTEXT)));
        await(() -> ids(robot).equals(List.of(SeededArchive.REPORT)), "only the plaintext one");

        robot.clickOn("#" + ArchiveView.CLEAR_ID);
        robot.interact(() -> robot.lookup("#" + ArchiveView.FROM_ID).queryAs(DatePicker.class)
                .setValue(LocalDate.of(2025, 6, 1)));
        await(() -> ids(robot).equals(List.of(SeededArchive.ESTIMATE, SeededArchive.NUMBERS)), "June only");
        robot.interact(() -> robot.lookup("#" + ArchiveView.UNTIL_ID).queryAs(DatePicker.class)
                .setValue(LocalDate.of(2025, 6, 1)));
        await(() -> ids(robot).equals(List.of(SeededArchive.NUMBERS)), "the first of June only");
    }

    @Test
    void clickingAColumnHeaderSortsTheResults(FxRobot robot) throws Exception {
        await(() -> ids(robot).size() == 3, "every message");
        robot.clickOn("Subject");
        await(() -> ids(robot).equals(List.of(SeededArchive.NUMBERS, SeededArchive.REPORT, SeededArchive.ESTIMATE)),
                "sorted by subject");
    }

    @Test
    void aJapaneseWordFindsTheMessageWhichShowsWhatWasSentToWhomAndHow(FxRobot robot) throws Exception {
        robot.clickOn("#" + ArchiveView.SEARCH_ID).write("見積");
        await(() -> ids(robot).equals(List.of(SeededArchive.ESTIMATE)), "the estimate");
        robot.clickOn(SeededArchive.ESTIMATE_SUBJECT);
        await(() -> robot.lookup("#" + ArchiveView.SUBJECT_ID).tryQuery().isPresent(), "the message view");

        assertEquals(SeededArchive.ESTIMATE_SUBJECT, label(robot, ArchiveView.SUBJECT_ID).getText());
        assertEquals("From: Taro <taro@office.test>", label(robot, ArchiveView.FROM_LINE_ID).getText());
        String recipient = texts(robot, "#" + ArchiveView.RECIPIENT_ID + 0);
        assertTrue(recipient.contains("hanako@secure.test: sent"), recipient);
        assertTrue(recipient.contains("Route to secure.test:"), recipient);
        assertTrue(recipient.contains("Authenticated TLS"), recipient);
        assertTrue(recipient.contains("pinned by DANE"), recipient);
        assertTrue(recipient.contains("Sent as: g1 aes-zip"), recipient);
        assertEquals("見積.pdf  (2 KB, application/pdf)", label(robot, ArchiveView.ATTACHMENT_ID + 0).getText());
        assertTrue(label(robot, ArchiveView.COPY_ID + 0).getText().startsWith("g1 aes-zip: for hanako@secure.test"));

        // New mail makes the archive search again: the opened message stays open.
        robot.interact(model::refresh);
        await(() -> !model.searchingProperty().get() && !model.openingProperty().get(), "the refreshed search");
        assertEquals(SeededArchive.ESTIMATE_SUBJECT, label(robot, ArchiveView.SUBJECT_ID).getText());
    }

    @Test
    void exportWritesTheOriginalAndTheCopyByteForByte(FxRobot robot) throws Exception {
        saveTo.set(Files.createTempDirectory(temp, "export"));
        await(() -> ids(robot).size() == 3, "every message");
        robot.clickOn(SeededArchive.ESTIMATE_SUBJECT);
        await(() -> robot.lookup("#" + ArchiveView.EXPORT_ORIGINAL_ID).tryQuery().isPresent(), "the message view");

        robot.clickOn("#" + ArchiveView.EXPORT_ORIGINAL_ID);
        Path original = saveTo.get().resolve(SeededArchive.ESTIMATE_SUBJECT + ".eml");
        await(() -> label(robot, ArchiveView.EXPORT_STATUS_ID).getText().startsWith("Saved"), "the export");
        assertArrayEquals(seeded.estimate, Files.readAllBytes(original));

        robot.clickOn("#" + ArchiveView.EXPORT_COPY_ID + 0);
        Path copy = saveTo.get().resolve(SeededArchive.ESTIMATE_SUBJECT + " (g1 aes-zip).eml");
        await(() -> Files.exists(copy), "the copy's export");
        assertArrayEquals(seeded.estimateCopy, Files.readAllBytes(copy));
    }

    @Test
    void aCancelledMessageSaysSo(FxRobot robot) throws Exception {
        await(() -> ids(robot).size() == 3, "every message");
        robot.clickOn("Quarterly numbers");
        await(() -> robot.lookup("#" + ArchiveView.CANCELLED_ID).tryQuery().isPresent(), "the cancelled mark");
        assertTrue(label(robot, ArchiveView.CANCELLED_ID).getText().startsWith("You cancelled this message on"));
        assertTrue(label(robot, ArchiveView.RECEIVED_ID).getText().endsWith("Cancelled"));
    }

    private static List<String> ids(FxRobot robot) {
        TableView<ArchiveEntry> table = robot.lookup("#" + ArchiveView.RESULTS_ID).query();
        return List.copyOf(table.getItems()).stream().map(ArchiveEntry::id).toList();
    }

    private static Label label(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class);
    }

    private static String texts(FxRobot robot, String query) {
        StringBuilder all = new StringBuilder();
        robot.from(robot.lookup(query).queryAll()).lookup(".label").queryAll()
                .forEach(node -> all.append(((Label) node).getText()).append('\n'));
        return all.toString();
    }

    private static void await(BooleanSupplier condition, String what) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new TimeoutException("timed out waiting for " + what);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
