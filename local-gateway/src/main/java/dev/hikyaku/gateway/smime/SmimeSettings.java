package dev.hikyaku.gateway.smime;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the gateway uses S/MIME.
 *
 * @param encrypt whether a group whose every recipient has a known, valid certificate is S/MIME-encrypted
 * @param trustCa a PEM file of extra roots (a company CA) that contacts' certificates may chain to
 */
public record SmimeSettings(boolean encrypt, Optional<Path> trustCa) {
    /** Encrypt when possible, the system's roots only. */
    public static SmimeSettings defaults() {
        return new SmimeSettings(true, Optional.empty());
    }
}
