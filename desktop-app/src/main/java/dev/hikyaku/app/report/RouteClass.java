package dev.hikyaku.app.report;

import dev.hikyaku.advisor.verdict.Level;
import java.util.Optional;

/** The routes the report tells apart: the four TLS levels, and everything else (no mail, unknown, unrecorded). */
public enum RouteClass {
    /** Pinned TLS (DANE or MTA-STS enforce). */
    AUTHENTICATED,
    /** TLS with valid certificates, not pinned. */
    ENCRYPTED,
    /** TLS, but a certificate or the protocol is not good enough. */
    ENCRYPTED_UNVERIFIED,
    /** Mail may have travelled in clear. */
    PLAINTEXT,
    /** Not judged, or no verdict was recorded. */
    OTHER;

    /** The class of a recorded verdict level; none recorded is {@link #OTHER}. */
    public static RouteClass of(Optional<Level> level) {
        if (level.isEmpty()) {
            return OTHER;
        }
        return switch (level.get()) {
            case AUTHENTICATED -> AUTHENTICATED;
            case ENCRYPTED -> ENCRYPTED;
            case ENCRYPTED_UNVERIFIED -> ENCRYPTED_UNVERIFIED;
            case PLAINTEXT -> PLAINTEXT;
            case NO_MAIL, UNKNOWN -> OTHER;
        };
    }

    /** The text naming this route. */
    public ReportText word() {
        return ReportText.valueOf("ROUTE_" + name());
    }
}
