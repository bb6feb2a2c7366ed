package dev.hikyaku.gateway.packaging;

import java.util.Objects;

/**
 * One attachment as it went into the zip.
 *
 * @param name         its entry name in the zip (made safe and unique; may differ from the message's)
 * @param originalName its file name in the message, or empty when it had none
 * @param contentType  its media type in the message, lower case
 * @param size         its decoded size in bytes
 */
public record PackedFile(String name, String originalName, String contentType, long size) {

    /** Validated file. */
    public PackedFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(originalName, "originalName");
        Objects.requireNonNull(contentType, "contentType");
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
    }
}
