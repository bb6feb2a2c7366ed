package dev.hikyaku.app.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.gateway.archive.Archive;
import dev.hikyaku.gateway.archive.ArchiveEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveViewModelTest {
    @TempDir
    Path temp;

    private final List<Runnable> pending = new ArrayList<>();
    private final Executor paused = pending::add;
    private final Executor direct = Runnable::run;
    private SeededArchive seeded;

    @BeforeEach
    void seed() throws IOException {
        seeded = SeededArchive.create(temp);
    }

    @AfterEach
    void close() throws IOException {
        seeded.archive.close();
    }

    private ArchiveViewModel model(Supplier<Optional<Archive>> archive) {
        return new ArchiveViewModel(new LiveText(UiLanguage.ENGLISH), archive, paused, direct, direct,
                ZoneOffset.UTC);
    }

    private static List<String> ids(ArchiveViewModel model) {
        return model.results().stream().map(ArchiveEntry::id).toList();
    }

    @Test
    void nothingIsAskedUntilThePauseAfterTypingAndOnlyTheLatestSearchIsShown() {
        ArchiveViewModel model = model(() -> Optional.of(seeded.archive));
        model.searchProperty().set("見積");
        model.searchProperty().set("Quarterly");
        assertTrue(model.searchingProperty().get());
        assertEquals("Searching…", model.statusProperty().get());
        assertEquals(2, pending.size());

        // The later search ends first; the earlier one, once it runs, must not replace its results.
        pending.get(1).run();
        pending.get(0).run();
        assertEquals(List.of(SeededArchive.NUMBERS, SeededArchive.REPORT), ids(model));
        assertFalse(model.searchingProperty().get());
        assertEquals("2 messages.", model.statusProperty().get());
    }

    @Test
    void withoutARunningGatewayTheArchiveSaysWhenItOpens() {
        ArchiveViewModel model = model(Optional::empty);
        model.refresh();
        pending.forEach(Runnable::run);
        assertEquals(List.of(), ids(model));
        assertEquals("The archive opens once the local gateway runs.", model.statusProperty().get());
    }

    @Test
    void selectingAMessageOpensItsDetails() {
        ArchiveViewModel model = model(() -> Optional.of(seeded.archive));
        model.refresh();
        pending.forEach(Runnable::run);
        ArchiveEntry report = model.results().stream().filter(entry -> entry.id().equals(SeededArchive.REPORT))
                .findFirst().orElseThrow();
        model.selectedProperty().set(report);
        RecipientRoute bob = model.detailsProperty().get().recipients().get(0);
        assertEquals("bob@clear.test", bob.recipient());
        assertEquals("failed", bob.latest().status());
        assertEquals("550 5.7.1 refused", bob.history().get(0).detail());
        model.selectedProperty().set(null);
        assertEquals(null, model.detailsProperty().get());
    }

    @Test
    void aFailedExportLeavesNoFileBehindAndSaysWhy() throws IOException {
        ArchiveViewModel model = model(() -> Optional.of(seeded.archive));
        model.refresh();
        pending.forEach(Runnable::run);
        model.selectedProperty().set(model.results().get(0));
        Path target = temp.resolve("missing-folder").resolve("out.eml");
        model.exportOriginal(target);
        assertTrue(model.exportStatusProperty().get().startsWith("Could not save:"),
                model.exportStatusProperty().get());
        assertFalse(Files.exists(target));
    }
}
