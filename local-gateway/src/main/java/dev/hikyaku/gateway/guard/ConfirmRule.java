package dev.hikyaku.gateway.guard;

/**
 * Asks the sender to tick each external recipient and each attached file before mail with an external
 * recipient leaves.
 *
 * @param on          the switch
 * @param recipients  whether each external recipient is to be confirmed
 * @param attachments whether each attached file is to be confirmed
 */
public record ConfirmRule(boolean on, boolean recipients, boolean attachments) {
}
