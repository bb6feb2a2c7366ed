package dev.hikyaku.gateway;

import java.nio.file.Path;

/** Another gateway of this user already runs with this data folder; the caller should use that one. */
public final class AlreadyRunningException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path dataDirectory;

    /** The folder another gateway holds. */
    public AlreadyRunningException(Path dataDirectory) {
        super("another Hikyaku gateway already runs with " + dataDirectory);
        this.dataDirectory = dataDirectory;
    }

    /** The folder another gateway holds. */
    public Path dataDirectory() {
        return dataDirectory;
    }
}
