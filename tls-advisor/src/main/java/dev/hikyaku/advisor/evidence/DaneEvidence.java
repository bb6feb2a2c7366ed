package dev.hikyaku.advisor.evidence;

/**
 * The domain-wide DANE facts; per-MX results are in {@link MxEvidence#dane()}.
 *
 * @param mxSecure whether the MX records were DNSSEC-validated (full DANE needs it)
 * @param state    not_published, published, bogus or lookup_failed
 * @param detail   the validator's reason or the failure, empty otherwise
 */
public record DaneEvidence(boolean mxSecure, String state, String detail) {
}
