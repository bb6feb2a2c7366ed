package dev.hikyaku.gateway.queue;

/** The queue database could not be read or written; the message concerned is not lost (it stays in the spool). */
public final class QueueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Wraps the database's own failure. */
    public QueueException(String message, Throwable cause) {
        super(message, cause);
    }
}
