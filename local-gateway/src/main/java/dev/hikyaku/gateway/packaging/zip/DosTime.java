package dev.hikyaku.gateway.packaging.zip;

import java.time.LocalDateTime;

/** The MS-DOS date and time zip headers keep: local time, two-second steps, 1980 to 2107. */
final class DosTime {
    private DosTime() {
    }

    /** Time in the low 16 bits, date in the high 16, as the headers store them (little-endian as one int). */
    static int of(LocalDateTime time) {
        LocalDateTime clamped = time;
        if (time.getYear() < 1980) {
            clamped = LocalDateTime.of(1980, 1, 1, 0, 0);
        } else if (time.getYear() > 2107) {
            clamped = LocalDateTime.of(2107, 12, 31, 23, 59, 58);
        }
        int date = (clamped.getYear() - 1980) << 9 | clamped.getMonthValue() << 5 | clamped.getDayOfMonth();
        int clock = clamped.getHour() << 11 | clamped.getMinute() << 5 | clamped.getSecond() / 2;
        return date << 16 | clock;
    }
}
