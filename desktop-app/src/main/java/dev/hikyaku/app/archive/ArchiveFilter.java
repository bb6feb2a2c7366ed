package dev.hikyaku.app.archive;

import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.gateway.archive.ArchiveQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * What the user asks the archive for: typed words, a range of days (both ends included, in the user's time
 * zone), a recipient domain and a verdict level; each left empty means "any".
 *
 * @param text   the typed words
 * @param from   the first day, if any
 * @param until  the last day, if any
 * @param domain a recipient domain, blank for any
 * @param level  a verdict level, if any
 */
public record ArchiveFilter(String text, Optional<LocalDate> from, Optional<LocalDate> until, String domain,
                            Optional<Level> level) {
    /** Nothing asked: every message. */
    public static final ArchiveFilter NONE = new ArchiveFilter("", Optional.empty(), Optional.empty(), "",
            Optional.empty());

    /** The archive query for this filter, days counted in {@code zone}, first page of {@code limit}. */
    public ArchiveQuery query(ZoneId zone, int limit) {
        Optional<Instant> start = from.map(day -> day.atStartOfDay(zone).toInstant());
        Optional<Instant> end = until.map(day -> day.plusDays(1).atStartOfDay(zone).toInstant());
        return new ArchiveQuery(text.strip(), start, end, domainName(), level.map(Level::name), limit, 0);
    }

    /** A domain typed as {@code @Example.JP} or with a trailing dot still names example.jp. */
    private Optional<String> domainName() {
        String typed = domain.strip().toLowerCase(Locale.ROOT);
        while (typed.startsWith("@")) {
            typed = typed.substring(1);
        }
        if (typed.endsWith(".")) {
            typed = typed.substring(0, typed.length() - 1);
        }
        return typed.isEmpty() ? Optional.empty() : Optional.of(typed);
    }
}
