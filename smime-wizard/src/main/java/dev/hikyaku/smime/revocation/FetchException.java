package dev.hikyaku.smime.revocation;

/** A revocation source could not be fetched: no connection, a timeout, an HTTP error, or an answer too large. */
final class FetchException extends Exception {
    private static final long serialVersionUID = 1L;

    FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
