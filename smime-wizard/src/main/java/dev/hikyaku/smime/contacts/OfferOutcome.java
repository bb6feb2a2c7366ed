package dev.hikyaku.smime.contacts;

import dev.hikyaku.smime.text.Notice;
import java.util.Optional;

/**
 * What happened to an offered certificate.
 *
 * @param result      added, seen again, or rejected
 * @param fingerprint the certificate's SHA-256 fingerprint, empty when it could not be read
 * @param reason      why it was rejected
 */
public record OfferOutcome(Result result, Optional<String> fingerprint, Optional<Notice> reason) {

    /** The three outcomes. */
    public enum Result {
        /** A certificate the store did not know. */
        ADDED,
        /** A known certificate, seen again (its sightings and capabilities were updated). */
        SEEN_AGAIN,
        /** Not a certificate for mail; not stored. */
        REJECTED
    }

    static OfferOutcome rejected(Optional<String> fingerprint, String key) {
        return new OfferOutcome(Result.REJECTED, fingerprint, Optional.of(Notice.of(key)));
    }
}
