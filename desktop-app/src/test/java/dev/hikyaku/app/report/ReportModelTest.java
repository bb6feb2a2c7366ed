package dev.hikyaku.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hikyaku.app.i18n.BundleChecks;
import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.UiLanguage;
import dev.hikyaku.gateway.archive.Archive;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportModelTest {
    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path temp;

    @Test
    void theArchiveGivesOneRouteForEachRecipientSentTo() throws IOException {
        try (Archive archive = ReportArchive.create(temp)) {
            List<SentRoute> routes = ArchiveRoutes.read(archive, Instant.parse("2025-01-01T00:00:00Z"),
                    Instant.parse("2025-07-01T00:00:00Z"));
            assertEquals(5, routes.size(), "the failed one and last year's are not counted");
            assertEquals(2, routes.stream().filter(route -> route.route() == RouteClass.AUTHENTICATED).count());
            assertEquals(1, routes.stream().filter(route -> route.route() == RouteClass.OTHER).count());
        }
    }

    @Test
    void withoutARunningGatewayTheReportSaysWhy() {
        ReportViewModel model = new ReportViewModel(new LiveText(UiLanguage.ENGLISH), Optional::empty,
                Clock.fixed(ReportArchive.NOW, ZoneOffset.UTC), ZoneOffset.UTC, DIRECT, DIRECT);
        model.refresh();
        assertNull(model.reportProperty().get());
        assertEquals("The report is drawn from the archive, which opens once the local gateway runs.",
                model.statusProperty().get());
    }

    @Test
    void anEmptyArchiveSaysNothingWasSent() throws IOException {
        try (Archive archive = Archive.open(temp.resolve("empty"), Clock.systemUTC())) {
            ReportViewModel model = new ReportViewModel(new LiveText(UiLanguage.ENGLISH), () -> Optional.of(archive),
                    Clock.fixed(ReportArchive.NOW, ZoneOffset.UTC), ZoneOffset.UTC, DIRECT, DIRECT);
            model.granularityProperty().set(Granularity.MONTH);
            assertEquals("No mail was sent in the last 12 months.", model.summaryProperty().get());
        }
    }

    @Test
    void theReportBundleIsComplete() throws IOException {
        BundleChecks.assertComplete(ReportText.class);
    }
}
