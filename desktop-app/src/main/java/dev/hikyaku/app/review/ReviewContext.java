package dev.hikyaku.app.review;

import dev.hikyaku.app.i18n.LiveText;
import dev.hikyaku.app.shell.AppServices;
import dev.hikyaku.gateway.Gateway;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What a review works with.
 *
 * @param text       the current language and its texts
 * @param gateway    the running gateway, once it runs
 * @param reports    the verdicts with their evidence
 * @param clock      the time, for the countdown
 * @param background where gateway calls and archive reads run, never on the UI thread
 * @param ui         how their results come back to the UI thread
 */
public record ReviewContext(LiveText text, Supplier<Optional<Gateway>> gateway, ReportLookup reports, Clock clock,
                            Executor background, Executor ui) {

    /** The context of the app's windows. */
    public static ReviewContext of(AppServices services) {
        return new ReviewContext(services.text(), services.gateway()::gateway,
                new VerdictCacheReports(services.dataDirectory(), services.clock()), services.clock(),
                services.background(), services.ui());
    }
}
