package dev.hikyaku.app.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The user's sent mail by route: per period, and over all periods shown, how many recipients went each way and
 * their shares in whole percent.
 *
 * @param granularity weeks or months
 * @param periods     the periods, oldest first, the current one last
 * @param total       the counts over all periods
 */
public record RouteReport(Granularity granularity, List<Period> periods, Counts total) {
    /** Copies the list. */
    public RouteReport {
        periods = List.copyOf(periods);
    }

    /**
     * One period.
     *
     * @param start  its first day
     * @param counts its recipients by route
     */
    public record Period(LocalDate start, Counts counts) {
    }

    /** Recipients counted by route. */
    public record Counts(Map<RouteClass, Long> byRoute) {
        /** An unmodifiable copy with every route present. */
        public Counts {
            Map<RouteClass, Long> all = new EnumMap<>(RouteClass.class);
            for (RouteClass route : RouteClass.values()) {
                all.put(route, byRoute.getOrDefault(route, 0L));
            }
            byRoute = Collections.unmodifiableMap(all);
        }

        /** How many recipients in all. */
        public long sum() {
            return byRoute.values().stream().mapToLong(Long::longValue).sum();
        }

        /**
         * Each route's share in whole percent, adding up to exactly 100 (0 everywhere when nothing was sent):
         * the largest remainders get the points rounding left over, so 2 of 3 shows as 67, not 66.
         */
        public Map<RouteClass, Integer> percent() {
            Map<RouteClass, Integer> shares = new EnumMap<>(RouteClass.class);
            long sum = sum();
            List<RouteClass> byRemainder = new ArrayList<>();
            int given = 0;
            for (RouteClass route : RouteClass.values()) {
                long count = byRoute.get(route);
                int whole = sum == 0 ? 0 : (int) (count * 100 / sum);
                shares.put(route, whole);
                given += whole;
                byRemainder.add(route);
            }
            if (sum == 0) {
                return shares;
            }
            byRemainder.sort((a, b) -> Long.compare(byRoute.get(b) * 100 % sum, byRoute.get(a) * 100 % sum));
            for (int i = 0; given < 100; i++, given++) {
                RouteClass route = byRemainder.get(i);
                shares.put(route, shares.get(route) + 1);
            }
            return shares;
        }
    }

    /** The report of {@code sent} over the {@link Granularity#PERIODS} periods up to {@code today}, in {@code zone}. */
    public static RouteReport of(List<SentRoute> sent, Granularity granularity, ZoneId zone, LocalDate today) {
        LocalDate first = granularity.firstShown(today);
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate start = first; !start.isAfter(today); start = granularity.next(start)) {
            starts.add(start);
        }
        List<Map<RouteClass, Long>> counts = new ArrayList<>();
        starts.forEach(start -> counts.add(new EnumMap<>(RouteClass.class)));
        Map<RouteClass, Long> total = new EnumMap<>(RouteClass.class);
        for (SentRoute route : sent) {
            LocalDate day = route.at().atZone(zone).toLocalDate();
            if (day.isBefore(first) || day.isAfter(today)) {
                continue;
            }
            int index = starts.indexOf(granularity.start(day));
            counts.get(index).merge(route.route(), 1L, Long::sum);
            total.merge(route.route(), 1L, Long::sum);
        }
        List<Period> periods = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            periods.add(new Period(starts.get(i), new Counts(counts.get(i))));
        }
        return new RouteReport(granularity, periods, new Counts(total));
    }
}
