package dev.hikyaku.smime.revocation;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits for asking about revocation: every byte comes from a stranger's server, and a dead responder must not hold up
 * the user's mail for long.
 *
 * @param connectTimeout          how long to wait for a connection
 * @param requestTimeout          how long to wait for a whole answer
 * @param maxOcspBytes            the largest OCSP response read (real ones are a few KiB)
 * @param maxCrlBytes             the largest CRL read or cached
 * @param clockSkew               how far a responder's clock may run ahead of ours
 * @param maxAgeWithoutNextUpdate how old an OCSP answer without nextUpdate may be (RFC 6960 4.2.2.1: such a responder
 *                                always has newer information)
 */
public record RevocationSettings(Duration connectTimeout, Duration requestTimeout, int maxOcspBytes, int maxCrlBytes,
                                 Duration clockSkew, Duration maxAgeWithoutNextUpdate) {

    /** Checks that every limit is there and positive. */
    public RevocationSettings {
        for (Duration duration : new Duration[] {connectTimeout, requestTimeout, clockSkew, maxAgeWithoutNextUpdate}) {
            if (Objects.requireNonNull(duration, "duration").isNegative()) {
                throw new IllegalArgumentException("negative duration " + duration);
            }
        }
        if (maxOcspBytes <= 0 || maxCrlBytes <= 0) {
            throw new IllegalArgumentException("size limits must be positive");
        }
    }

    /** Five seconds to connect, ten for an answer, 64 KiB per OCSP response, 20 MiB per CRL, five minutes of skew. */
    public static RevocationSettings defaults() {
        return new RevocationSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), 64 * 1024, 20 * 1024 * 1024,
                Duration.ofMinutes(5), Duration.ofHours(1));
    }

    /** The same limits with other timeouts. */
    public RevocationSettings withTimeouts(Duration connect, Duration request) {
        return new RevocationSettings(connect, request, maxOcspBytes, maxCrlBytes, clockSkew, maxAgeWithoutNextUpdate);
    }

    /** The same limits with another CRL size limit. */
    public RevocationSettings withMaxCrlBytes(int bytes) {
        return new RevocationSettings(connectTimeout, requestTimeout, maxOcspBytes, bytes, clockSkew, maxAgeWithoutNextUpdate);
    }
}
