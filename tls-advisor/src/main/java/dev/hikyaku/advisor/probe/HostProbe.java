package dev.hikyaku.advisor.probe;

import java.util.List;
import java.util.Optional;

/**
 * The probes of one MX host's addresses, in the order tried, stopping at the first that answered.
 *
 * @param host     the MX host name
 * @param attempts every address tried
 */
public record HostProbe(String host, List<AddressProbe> attempts) {

    /** Copies the list. */
    public HostProbe {
        attempts = List.copyOf(attempts);
    }

    /** The outcome that speaks for this host: the first judged one, else the last unjudged one. */
    public Optional<ProbeOutcome> decisive() {
        return attempts.stream().map(AddressProbe::outcome).filter(ProbeOutcome::judged).findFirst()
                .or(() -> attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1).outcome()));
    }
}
