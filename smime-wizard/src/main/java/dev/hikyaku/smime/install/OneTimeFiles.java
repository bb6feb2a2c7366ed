package dev.hikyaku.smime.install;

import dev.hikyaku.smime.identity.Identity;
import dev.hikyaku.smime.identity.IdentityStore;
import dev.hikyaku.smime.identity.IdentityStoreException;
import dev.hikyaku.smime.identity.Pkcs12Format;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;

/** PKCS#12 copies of an identity and password files for the tools, readable by the user alone. */
final class OneTimeFiles {
    // No 0/O or 1/l/I: the password is read off the screen and typed into a mail client.
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private OneTimeFiles() {
    }

    /** A fresh password of four groups of five characters (about 115 bits). */
    static char[] password(SecureRandom random) {
        char[] password = new char[23];
        for (int i = 0; i < password.length; i++) {
            password[i] = i % 6 == 5 ? '-' : ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return password;
    }

    /** Writes the identity as PKCS#12 under the password to a new file in the folder. */
    static Path pkcs12(IdentityStore store, Identity identity, Pkcs12Format format, char[] password, Path folder,
            String suffix) throws IOException, IdentityStoreException {
        Path file = privateFile(folder, "hikyaku-" + identity.fingerprint().substring(0, 8) + "-", suffix);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.exportPkcs12(identity, format, password, out);
        } catch (IOException | IdentityStoreException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    /** Writes the password to a new file, for the tools' {@code -w}, {@code -k} and {@code -f} options. */
    static Path passwordFile(Path folder, char[] password) throws IOException {
        Path file = privateFile(folder, "hikyaku-", ".pw");
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        try {
            Files.write(file, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
        }
        return file;
    }

    private static Path privateFile(Path folder, String prefix, String suffix) throws IOException {
        Files.createDirectories(folder);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(folder, prefix, suffix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        // Windows: a new file in the user's own folder inherits an ACL only the user (and admins) can read.
        return Files.createTempFile(folder, prefix, suffix);
    }
}
