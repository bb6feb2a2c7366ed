package dev.hikyaku.gateway.guard;

import java.time.LocalTime;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A daily span of local time, from {@code start} (included) to {@code end} (excluded). A window whose end is
 * not after its start runs across midnight: 22:00-06:00 is 22:00 to 24:00 and 00:00 to 06:00.
 *
 * @param start the first minute inside
 * @param end   the first minute outside; 00:00 stands for 24:00
 */
public record TimeWindow(LocalTime start, LocalTime end) {
    private static final Pattern WRITTEN = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");

    /** Validated window. */
    public TimeWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("a window must not start where it ends");
        }
    }

    /**
     * The window written as {@code HH:MM-HH:MM}; the end may be 24:00.
     *
     * @throws IllegalArgumentException when it is not a window
     */
    public static TimeWindow parse(String text) {
        Matcher matcher = WRITTEN.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a time window: " + text);
        }
        LocalTime start = time(matcher.group(1), matcher.group(2), false);
        LocalTime end = time(matcher.group(3), matcher.group(4), true);
        return new TimeWindow(start, end);
    }

    /** Whether {@code time} lies inside. */
    public boolean contains(LocalTime time) {
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }

    @Override
    public String toString() {
        return start + "-" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString());
    }

    private static LocalTime time(String hours, String minutes, boolean endOfDayAllowed) {
        int hour = Integer.parseInt(hours);
        int minute = Integer.parseInt(minutes);
        if (endOfDayAllowed && hour == 24 && minute == 0) {
            return LocalTime.MIDNIGHT;
        }
        if (hour > 23 || minute > 59) {
            throw new IllegalArgumentException("not a time: " + hours + ":" + minutes);
        }
        return LocalTime.of(hour, minute);
    }
}
