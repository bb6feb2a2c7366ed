package dev.hikyaku.smime.revocation;

import java.time.Instant;

/** What one revocation source said: a status to rely on until an instant, or why it could not be relied on. */
sealed interface SourceAnswer {

    /** A trustworthy answer (good or revoked), valid until the source's nextUpdate. */
    record Settled(RevocationStatus status, Instant until) implements SourceAnswer {
    }

    /** No trustworthy answer; the reason is reported when no other source settles the question. */
    record Unusable(RevocationStatus.Reason reason) implements SourceAnswer {
    }
}
