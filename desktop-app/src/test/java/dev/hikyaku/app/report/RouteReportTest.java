package dev.hikyaku.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hikyaku.advisor.verdict.Level;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteReportTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 3);

    private static SentRoute sent(String at, RouteClass route) {
        return new SentRoute(Instant.parse(at), route);
    }

    private static RouteReport.Counts counts(long authenticated, long encrypted, long unverified, long plaintext,
                                             long other) {
        return new RouteReport.Counts(Map.of(RouteClass.AUTHENTICATED, authenticated, RouteClass.ENCRYPTED,
                encrypted, RouteClass.ENCRYPTED_UNVERIFIED, unverified, RouteClass.PLAINTEXT, plaintext,
                RouteClass.OTHER, other));
    }

    @Test
    void sharesAddUpToAHundredWithTheLargestRemaindersRoundedUp() {
        assertEquals(Map.of(RouteClass.AUTHENTICATED, 67, RouteClass.ENCRYPTED, 0, RouteClass.ENCRYPTED_UNVERIFIED,
                0, RouteClass.PLAINTEXT, 33, RouteClass.OTHER, 0), counts(2, 0, 0, 1, 0).percent());
        assertEquals(Map.of(RouteClass.AUTHENTICATED, 34, RouteClass.ENCRYPTED, 33, RouteClass.ENCRYPTED_UNVERIFIED,
                0, RouteClass.PLAINTEXT, 33, RouteClass.OTHER, 0), counts(1, 1, 0, 1, 0).percent());
        Map<RouteClass, Integer> sevenths = counts(1, 1, 1, 2, 2).percent();
        assertEquals(100, sevenths.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(29, sevenths.get(RouteClass.PLAINTEXT));
    }

    @Test
    void nothingSentIsZeroEverywhere() {
        assertEquals(0, counts(0, 0, 0, 0, 0).percent().values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void weeksStartOnMondayAndTheCurrentOneIsLast() {
        RouteReport report = RouteReport.of(List.of(sent("2025-06-02T00:30:00Z", RouteClass.AUTHENTICATED),
                sent("2025-06-01T23:30:00Z", RouteClass.PLAINTEXT),
                sent("2025-03-17T10:00:00Z", RouteClass.ENCRYPTED),
                sent("2025-03-16T10:00:00Z", RouteClass.ENCRYPTED)), Granularity.WEEK, ZoneOffset.UTC, TODAY);
        assertEquals(12, report.periods().size());
        assertEquals(LocalDate.of(2025, 3, 17), report.periods().get(0).start());
        assertEquals(LocalDate.of(2025, 6, 2), report.periods().get(11).start());
        assertEquals(counts(1, 0, 0, 0, 0), report.periods().get(11).counts());
        assertEquals(counts(0, 0, 0, 1, 0), report.periods().get(10).counts());
        assertEquals(counts(0, 1, 0, 0, 0), report.periods().get(0).counts());
        assertEquals(counts(1, 1, 0, 1, 0), report.total(), "the one before the first week is left out");
    }

    @Test
    void daysAreCountedInTheUsersZone() {
        // 23:30 UTC on Sunday is already Monday in Tokyo.
        RouteReport report = RouteReport.of(List.of(sent("2025-06-01T23:30:00Z", RouteClass.PLAINTEXT)),
                Granularity.WEEK, ZoneId.of("Asia/Tokyo"), TODAY);
        assertEquals(counts(0, 0, 0, 1, 0), report.periods().get(11).counts());
    }

    @Test
    void monthsAreCalendarMonths() {
        RouteReport report = RouteReport.of(List.of(sent("2025-06-01T00:00:00Z", RouteClass.OTHER),
                sent("2024-07-01T00:00:00Z", RouteClass.AUTHENTICATED),
                sent("2024-06-30T00:00:00Z", RouteClass.AUTHENTICATED)), Granularity.MONTH, ZoneOffset.UTC, TODAY);
        assertEquals(LocalDate.of(2024, 7, 1), report.periods().get(0).start());
        assertEquals(LocalDate.of(2025, 6, 1), report.periods().get(11).start());
        assertEquals(counts(1, 0, 0, 0, 1), report.total());
    }

    @Test
    void levelsMapOntoRoutesWithEverythingUnjudgedAsOther() {
        assertEquals(RouteClass.ENCRYPTED_UNVERIFIED, RouteClass.of(Optional.of(Level.ENCRYPTED_UNVERIFIED)));
        assertEquals(RouteClass.OTHER, RouteClass.of(Optional.of(Level.NO_MAIL)));
        assertEquals(RouteClass.OTHER, RouteClass.of(Optional.of(Level.UNKNOWN)));
        assertEquals(RouteClass.OTHER, RouteClass.of(Optional.empty()));
    }
}
