package dev.hikyaku.gateway.packaging.passphrase;

import java.io.IOException;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Where the AES-256 key that encrypts the passphrase book at rest is kept: a file of its own
 * ({@link FileBookKey}) or an operating system's keychain.
 */
public interface BookKey {

    /** The stored key, or empty when none has been made yet; a damaged or exposed key is an exception. */
    Optional<SecretKey> find() throws IOException;

    /** Makes and stores a new random key; fails rather than replace an existing one. */
    SecretKey create() throws IOException;
}
