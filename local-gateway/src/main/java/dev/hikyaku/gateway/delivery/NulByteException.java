package dev.hikyaku.gateway.delivery;

import java.io.IOException;

/** The message file holds a NUL byte, which SMTP must never carry; the transfer is aborted. */
final class NulByteException extends IOException {

    private static final long serialVersionUID = 1L;

    NulByteException(long offset) {
        super("NUL byte at offset " + offset + " of the message");
    }
}
