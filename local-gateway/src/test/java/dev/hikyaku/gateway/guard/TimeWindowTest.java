package dev.hikyaku.gateway.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeWindowTest {

    @Test
    void aDaytimeWindowIncludesItsStartAndExcludesItsEnd() {
        TimeWindow lunch = TimeWindow.parse("12:00-13:00");
        assertFalse(lunch.contains(LocalTime.of(11, 59)));
        assertTrue(lunch.contains(LocalTime.NOON));
        assertTrue(lunch.contains(LocalTime.of(12, 59, 59)));
        assertFalse(lunch.contains(LocalTime.of(13, 0)));
    }

    @Test
    void aWindowEndingBeforeItStartsRunsAcrossMidnight() {
        TimeWindow night = TimeWindow.parse(" 22:00 - 6:00 ");
        assertFalse(night.contains(LocalTime.of(21, 59)));
        assertTrue(night.contains(LocalTime.of(22, 0)));
        assertTrue(night.contains(LocalTime.MIDNIGHT));
        assertTrue(night.contains(LocalTime.of(5, 59)));
        assertFalse(night.contains(LocalTime.of(6, 0)));
        assertEquals("22:00-06:00", night.toString());
    }

    @Test
    void theEndMayBeMidnight() {
        TimeWindow evening = TimeWindow.parse("18:00-24:00");
        assertTrue(evening.contains(LocalTime.of(23, 59)));
        assertFalse(evening.contains(LocalTime.MIDNIGHT));
        assertFalse(evening.contains(LocalTime.of(17, 59)));
        assertEquals("18:00-24:00", evening.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"22-06", "22:00", "25:00-06:00", "22:60-06:00", "24:00-06:00", "09:00-09:00", "00:00-24:00",
        "nine to five"})
    void nonsenseIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> TimeWindow.parse(text));
    }
}
