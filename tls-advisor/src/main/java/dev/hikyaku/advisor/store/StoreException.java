package dev.hikyaku.advisor.store;

/** The verdict cache could not be read or written (disk full, file locked, damaged database). */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
