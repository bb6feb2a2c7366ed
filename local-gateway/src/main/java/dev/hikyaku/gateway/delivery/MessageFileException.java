package dev.hikyaku.gateway.delivery;

import java.io.IOException;
import java.nio.file.Path;

/** The message file could not be read while it was being sent: a local problem, not the connection's. */
final class MessageFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    MessageFileException(Path file, IOException cause) {
        super("cannot read " + file + ": " + cause.getMessage(), cause);
        this.file = file;
    }

    Path file() {
        return file;
    }
}
