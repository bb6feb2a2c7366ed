package dev.hikyaku.app.report;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.i18n.Localized;
import dev.hikyaku.gateway.archive.Archive;
import dev.hikyaku.gateway.archive.ArchiveException;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The report's state: weeks or months, the computed {@link RouteReport} and its summary in words. The archive is
 * read on {@code background}; a newer refresh wins over an older one still reading.
 */
public final class ReportViewModel {
    private final LiveText text;
    private final Supplier<Optional<Archive>> archive;
    private final Clock clock;
    private final ZoneId zone;
    private final Executor background;
    private final Executor ui;
    private final ObjectProperty<Granularity> granularity = new SimpleObjectProperty<>(this, "granularity",
            Granularity.WEEK);
    private final ReadOnlyObjectWrapper<RouteReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final AtomicLong generation = new AtomicLong();

    /** A report on the archive {@code archive} supplies (empty while the gateway is not running). */
    public ReportViewModel(LiveText text, Supplier<Optional<Archive>> archive, Clock clock, ZoneId zone,
                           Executor background, Executor ui) {
        this.text = text;
        this.archive = archive;
        this.clock = clock;
        this.zone = zone;
        this.background = background;
        this.ui = ui;
        granularity.addListener((observable, before, after) -> refresh());
    }

    /** Weeks or months. */
    public ObjectProperty<Granularity> granularityProperty() {
        return granularity;
    }

    /** The latest report, null until one was computed. */
    public ReadOnlyObjectProperty<RouteReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** Whether the archive is being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** What stands in the way of a report, empty when nothing does. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The report in one sentence: the shares over every period shown. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Reads the archive again and recomputes the report. */
    public void refresh() {
        long current = generation.incrementAndGet();
        Granularity by = granularity.get();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        loading.set(true);
        bind(status, ReportText.STATUS_LOADING);
        background.execute(() -> {
            if (current != generation.get()) {
                return;
            }
            Optional<Archive> open = archive.get();
            if (open.isEmpty()) {
                ui.execute(() -> show(current, null, ReportText.STATUS_NOT_RUNNING, null));
                return;
            }
            try {
                List<SentRoute> sent = ArchiveRoutes.read(open.get(),
                        by.firstShown(today).atStartOfDay(zone).toInstant(),
                        today.plusDays(1).atStartOfDay(zone).toInstant());
                RouteReport computed = RouteReport.of(sent, by, zone, today);
                ui.execute(() -> show(current, computed, null, null));
            } catch (ArchiveException e) {
                ui.execute(() -> show(current, null, ReportText.STATUS_FAILED, e::message));
            } catch (IOException | RuntimeException e) {
                String detail = String.valueOf(e.getMessage());
                ui.execute(() -> show(current, null, ReportText.STATUS_FAILED, locale -> detail));
            }
        });
    }

    private void show(long current, RouteReport computed, ReportText problem, Localized why) {
        if (current != generation.get()) {
            return;
        }
        loading.set(false);
        report.set(computed);
        if (problem == null) {
            status.unbind();
            status.set("");
        } else {
            bind(status, problem, why == null ? new Object[0] : new Object[] {why});
        }
        if (computed == null) {
            summary.unbind();
            summary.set("");
        } else {
            showSummary(computed);
        }
    }

    private void showSummary(RouteReport computed) {
        boolean weeks = computed.granularity() == Granularity.WEEK;
        long sum = computed.total().sum();
        if (sum == 0) {
            bind(summary, weeks ? ReportText.SUMMARY_NONE_WEEKS : ReportText.SUMMARY_NONE_MONTHS,
                    computed.periods().size());
            return;
        }
        Map<RouteClass, Integer> percent = computed.total().percent();
        bind(summary, weeks ? ReportText.SUMMARY_WEEKS : ReportText.SUMMARY_MONTHS, computed.periods().size(), sum,
                percent.get(RouteClass.AUTHENTICATED), percent.get(RouteClass.ENCRYPTED),
                percent.get(RouteClass.ENCRYPTED_UNVERIFIED), percent.get(RouteClass.PLAINTEXT),
                percent.get(RouteClass.OTHER));
    }

    private void bind(ReadOnlyStringWrapper property, ReportText key, Object... arguments) {
        property.unbind();
        property.bind(text.text(key, arguments));
    }
}
