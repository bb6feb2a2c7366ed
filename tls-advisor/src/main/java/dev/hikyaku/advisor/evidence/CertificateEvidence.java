package dev.hikyaku.advisor.evidence;

import java.time.Instant;

/**
 * What the MX's certificate is and how it was judged.
 *
 * @param subject      the leaf's subject
 * @param issuer       the leaf's issuer
 * @param notAfter     the leaf's expiry
 * @param key          e.g. "RSA 2048"
 * @param trusted      leads to a trusted CA
 * @param trustProblem why not, empty when trusted
 * @param nameMatches  names the MX host
 * @param inDate       every presented certificate is in date
 * @param strongKey    the key is strong enough
 */
public record CertificateEvidence(String subject, String issuer, Instant notAfter, String key, boolean trusted,
                                  String trustProblem, boolean nameMatches, boolean inDate, boolean strongKey) {
}
