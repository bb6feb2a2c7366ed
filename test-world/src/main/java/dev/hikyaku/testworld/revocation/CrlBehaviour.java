package dev.hikyaku.testworld.revocation;

/** How the fixture CRL distribution point answers; each one but {@link #ANSWER} is a way a real one goes wrong. */
public enum CrlBehaviour {
    /** A signed CRL, valid from now to a day from now, listing the revoked certificates. */
    ANSWER,
    /** A correctly signed CRL whose nextUpdate lies days in the past. */
    STALE,
    /** A CRL signed by a key that is not the issuer's. */
    BAD_SIGNATURE,
    /** HTTP 404. */
    NOT_FOUND,
    /** One mebibyte of junk, far more than a small test limit. */
    OVERSIZED
}
