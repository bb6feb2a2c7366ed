package dev.hikyaku.gateway.packaging.zip;

import java.util.Objects;

/**
 * One entry as it was written.
 *
 * @param name           its name inside the archive
 * @param size           the bytes read from its content
 * @param compressedSize the bytes it takes in the archive (for AES entries: salt, verifier and tag included)
 * @param deflated       whether it was deflated (otherwise stored)
 * @param encrypted      whether it was AES-256 encrypted
 */
public record ZipEntryInfo(String name, long size, long compressedSize, boolean deflated, boolean encrypted) {

    /** Validated entry. */
    public ZipEntryInfo {
        Objects.requireNonNull(name, "name");
        if (size < 0 || compressedSize < 0) {
            throw new IllegalArgumentException("negative size");
        }
    }
}
