package dev.hikyaku.advisor.evidence;

/**
 * One address of an MX and what happened when we tried it.
 *
 * @param address   the IP address
 * @param outcome   the probe outcome's kind: no_answer, refused, no_starttls, starttls_failed, legacy_tls, tls
 * @param detail    the error or refusal text, empty when the probe went through
 * @param elapsedMs how long the attempt took
 */
public record AddressAttempt(String address, String outcome, String detail, long elapsedMs) {
}
