package dev.hikyaku.testworld.revocation;

/** How the fixture OCSP responder answers; each one but {@link #ANSWER} is a way a real responder goes wrong. */
public enum OcspBehaviour {
    /** A signed, fresh answer with the request's nonce echoed. */
    ANSWER,
    /** A fresh answer, but without the nonce (as responders with pre-signed answers do). */
    NO_NONCE,
    /** A fresh answer carrying another nonce than the one asked with (a replay). */
    WRONG_NONCE,
    /** An answer signed by a key that is neither the issuer's nor a delegated responder's. */
    BAD_SIGNATURE,
    /** A correctly signed answer whose nextUpdate lies days in the past. */
    STALE,
    /** HTTP 404: the responder named in the certificate is not there. */
    NOT_FOUND,
    /** The OCSP "tryLater" status, with no answer in it. */
    TRY_LATER,
    /** Bytes that are no OCSP response at all. */
    GARBAGE
}
