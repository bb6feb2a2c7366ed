package dev.hikyaku.app.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.gateway.archive.ArchiveQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArchiveFilterTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void noFilterAsksForEverything() {
        ArchiveQuery query = ArchiveFilter.NONE.query(TOKYO, 200);
        assertEquals(new ArchiveQuery("", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                200, 0), query);
    }

    @Test
    void daysAreWholeDaysInTheUsersZoneWithTheLastDayIncluded() {
        ArchiveQuery query = new ArchiveFilter(" 見積 ", Optional.of(LocalDate.of(2025, 6, 1)),
                Optional.of(LocalDate.of(2025, 6, 2)), "", Optional.empty()).query(TOKYO, 50);
        assertEquals("見積", query.text());
        assertEquals(Optional.of(Instant.parse("2025-05-31T15:00:00Z")), query.receivedFrom());
        assertEquals(Optional.of(Instant.parse("2025-06-02T15:00:00Z")), query.receivedBefore());
    }

    @Test
    void aDomainTypedWithAnAtSignOrTrailingDotAndALevelNarrowTheQuery() {
        ArchiveQuery query = new ArchiveFilter("", Optional.empty(), Optional.empty(), " @Example.JP. ",
                Optional.of(Level.ENCRYPTED_UNVERIFIED)).query(TOKYO, 50);
        assertEquals(Optional.of("example.jp"), query.recipientDomain());
        assertEquals(Optional.of("ENCRYPTED_UNVERIFIED"), query.verdictLevel());
        assertEquals(Optional.empty(), query.receivedFrom());
    }
}
