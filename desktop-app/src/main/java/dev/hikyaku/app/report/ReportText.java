package dev.hikyaku.app.report;

import dev.hikyaku.app.i18n.TextKey;

/** The report's texts, by their key in {@code dev/hikyaku/app/report/messages*.properties}. */
public enum ReportText implements TextKey {
    TAB_TITLE("tab.title"),
    HEADING("heading"),
    INTRO("intro"),
    PERIOD_LABEL("period.label"),
    PERIOD_WEEKS("period.weeks"),
    PERIOD_MONTHS("period.months"),
    REFRESH_BUTTON("refresh.button"),
    REFRESH_ACCESSIBLE("refresh.accessible"),
    ROUTE_AUTHENTICATED("route.AUTHENTICATED"),
    ROUTE_ENCRYPTED("route.ENCRYPTED"),
    ROUTE_ENCRYPTED_UNVERIFIED("route.ENCRYPTED_UNVERIFIED"),
    ROUTE_PLAINTEXT("route.PLAINTEXT"),
    ROUTE_OTHER("route.OTHER"),
    AXIS_SHARE("axis.share"),
    AXIS_WEEK_PATTERN("axis.week.pattern"),
    AXIS_MONTH_PATTERN("axis.month.pattern"),
    CHART_ACCESSIBLE("chart.accessible"),
    STATUS_LOADING("status.loading"),
    STATUS_NOT_RUNNING("status.notRunning"),
    STATUS_FAILED("status.failed"),
    SUMMARY_WEEKS("summary.weeks"),
    SUMMARY_MONTHS("summary.months"),
    SUMMARY_NONE_WEEKS("summary.noneWeeks"),
    SUMMARY_NONE_MONTHS("summary.noneMonths");

    private static final String BUNDLE = "dev.hikyaku.app.report.messages";

    private final String key;

    ReportText(String key) {
        this.key = key;
    }

    @Override
    public String bundle() {
        return BUNDLE;
    }

    @Override
    public String key() {
        return key;
    }
}
