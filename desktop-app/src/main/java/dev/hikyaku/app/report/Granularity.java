package dev.hikyaku.app.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How the report groups time: by ISO week (Monday first) or by calendar month. */
public enum Granularity {
    /** Weeks starting on Monday. */
    WEEK,
    /** Calendar months. */
    MONTH;

    /** How many periods the report shows, the current one last. */
    public static final int PERIODS = 12;

    /** The first day of the period holding {@code day}. */
    public LocalDate start(LocalDate day) {
        return this == WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
    }

    /** The first day of the period after the one starting on {@code start}. */
    public LocalDate next(LocalDate start) {
        return this == WEEK ? start.plusWeeks(1) : start.plusMonths(1);
    }

    /** The first day of the earliest of the {@link #PERIODS} periods ending with the one holding {@code today}. */
    public LocalDate firstShown(LocalDate today) {
        LocalDate current = start(today);
        return this == WEEK ? current.minusWeeks(PERIODS - 1L) : current.minusMonths(PERIODS - 1L);
    }
}
