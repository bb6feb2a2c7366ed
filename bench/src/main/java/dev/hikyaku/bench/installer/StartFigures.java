package dev.hikyaku.bench.installer;

import dev.hikyaku.bench.Samples;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One start: nanoseconds from starting the process to the SMTP greeting, and the CPU time the process had used by
 * then when the OS says (Linux /proc).
 */
record StartFigures(long wallNanos, OptionalLong cpuNanos) {
    static Samples wall(List<StartFigures> starts) {
        return new Samples(starts.stream().mapToLong(StartFigures::wallNanos).toArray());
    }

    static Optional<Samples> cpu(List<StartFigures> starts) {
        if (starts.stream().anyMatch(start -> start.cpuNanos().isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new Samples(starts.stream().mapToLong(start -> start.cpuNanos().getAsLong()).toArray()));
    }
}
