package dev.hikyaku.gateway.guard.confirm;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Compares what must be confirmed with what was. */
public final class Confirmations {

    private Confirmations() {
    }

    /** The items of {@code required} that no confirmation covers yet, in their order; empty when all are ticked. */
    public static List<ConfirmItem> missing(List<ConfirmItem> required, Collection<Confirmation> confirmations) {
        Set<ConfirmItem> ticked = confirmations.stream().map(Confirmation::item).collect(Collectors.toSet());
        return required.stream().filter(item -> !ticked.contains(item)).toList();
    }

    /** Whether every item of {@code required} is confirmed. */
    public static boolean complete(List<ConfirmItem> required, Collection<Confirmation> confirmations) {
        return missing(required, confirmations).isEmpty();
    }
}
