package dev.hikyaku.app.archive;

import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.gateway.archive.DeliveryRecord;
import dev.hikyaku.gateway.archive.RecipientStatus;
import java.util.List;
import java.util.Optional;

/**
 * What happened for one recipient of an archived message: how its domain's route was judged, which copies went
 * to it, how the plan meant to handle it, and every delivery attempt.
 *
 * @param recipient the address
 * @param domain    its domain as the verdicts name it (lower-case A-labels)
 * @param level     the recorded verdict level for the domain, or the plan's, if either is known
 * @param reason    the recorded reason for the verdict, empty when none was recorded
 * @param copies    the labels of the copies sent to it (e.g. {@code g1 aes-zip}); empty when it got the original
 * @param planned   the plan's action for its group (e.g. {@code aes-zip}), if a plan was recorded
 * @param latest    its latest delivery status
 * @param history   every delivery event for it, oldest first
 */
public record RecipientRoute(String recipient, String domain, Optional<Level> level, String reason,
                             List<String> copies, Optional<String> planned, RecipientStatus latest,
                             List<DeliveryRecord> history) {
    /** Copies the lists. */
    public RecipientRoute {
        copies = List.copyOf(copies);
        history = List.copyOf(history);
    }
}
