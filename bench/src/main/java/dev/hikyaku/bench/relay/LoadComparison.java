package dev.hikyaku.bench.relay;

import dev.hikyaku.bench.Samples;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the load through several relays in alternating rounds (A, B, A, B, ...), so a slow spell of the machine
 * (another process, the disk flushing) hits both relays rather than skewing their ratio.
 */
final class LoadComparison {
    static final int ROUNDS = 3;

    /** A relay listening on {@code port}, named in the figures as {@code name}. */
    record Target(String name, int port) {
    }

    private final LoadRun load;

    LoadComparison(LoadRun load) {
        this.load = load;
    }

    /** Each target's figures, keyed by name; a target that fails once is not run again. */
    Map<String, LoadFigures> run(List<Target> targets) throws IOException, InterruptedException {
        Map<String, LoadFigures> failed = new LinkedHashMap<>();
        Map<String, List<LoadRound.Timed>> timed = new LinkedHashMap<>();
        for (Target target : targets) {
            Optional<String> warmUpFailure = load.warmUp(target.port());
            if (warmUpFailure.isPresent()) {
                failed.put(target.name(), new LoadFigures.NotMeasured(warmUpFailure.get()));
            } else {
                timed.put(target.name(), new ArrayList<>());
            }
        }
        for (int round = 1; round <= ROUNDS; round++) {
            for (Target target : targets) {
                if (failed.containsKey(target.name())) {
                    continue;
                }
                LoadRound outcome = load.timed(target.port());
                if (outcome instanceof LoadRound.Timed t) {
                    timed.get(target.name()).add(t);
                } else if (outcome instanceof LoadRound.Failed f) {
                    failed.put(target.name(), new LoadFigures.NotMeasured("round " + round + ": " + f.reason()));
                }
            }
        }
        Map<String, LoadFigures> figures = new LinkedHashMap<>();
        for (Target target : targets) {
            figures.put(target.name(), failed.containsKey(target.name()) ? failed.get(target.name())
                    : measured(timed.get(target.name())));
        }
        return figures;
    }

    private static LoadFigures measured(List<LoadRound.Timed> rounds) {
        return new LoadFigures.Measured(LoadRun.MESSAGES,
                new Samples(rounds.stream().mapToLong(LoadRound.Timed::submittedNanos).toArray()),
                new Samples(rounds.stream().mapToLong(LoadRound.Timed::deliveredNanos).toArray()));
    }
}
