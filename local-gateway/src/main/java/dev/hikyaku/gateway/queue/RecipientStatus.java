package dev.hikyaku.gateway.queue;

import java.time.Instant;

/**
 * One recipient's row in the queue.
 *
 * @param address  the envelope address
 * @param state    where it stands
 * @param dueAt    when it is (or was) due to leave
 * @param attempts how many times it was handed to the upstream
 * @param detail   the last upstream reply or local reason, empty when none
 */
public record RecipientStatus(String address, RecipientState state, Instant dueAt, int attempts, String detail) {
}
