package dev.hikyaku.gateway.auth;

import java.io.IOException;

/** The OS key store could not be reached or refused the request; the password is still held in memory. */
public final class KeeperException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}, with its {@code cause}. */
    public KeeperException(String message, Throwable cause) {
        super(message, cause);
    }
}
