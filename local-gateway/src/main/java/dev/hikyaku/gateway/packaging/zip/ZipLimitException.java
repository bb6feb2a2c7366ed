package dev.hikyaku.gateway.packaging.zip;

import java.io.IOException;

/**
 * The archive would need Zip64 (an entry or the archive of 4 GiB or more, or more than 65535 entries), which the
 * writer does not write; the archive written so far is unusable and the writer refuses further work.
 */
public final class ZipLimitException extends IOException {
    private static final long serialVersionUID = 1L;

    ZipLimitException(String message) {
        super(message);
    }
}
