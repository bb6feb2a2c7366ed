package dev.hikyaku.gateway.guard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock that stands still until the test moves it. */
final class SteppedClock extends Clock {
    private final ZoneId zone;
    private Instant now;

    SteppedClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new SteppedClock(now, other);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
