package dev.hikyaku.gateway.packaging.passphrase;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The book's key as 32 random bytes in a file of its own, created readable and writable by its owner only
 * (0600) where the file system has POSIX permissions; elsewhere the file is just created, and the data
 * folder's own protection applies. A key file others can read is refused, as ssh refuses such a private key.
 */
public final class FileBookKey implements BookKey {
    /** The key file's usual name in the data folder. */
    public static final String FILE_NAME = "passphrases.key";
    private static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final Path file;
    private final SecureRandom random;

    /** The key kept in {@code file}, made from {@code random} when it is created. */
    public FileBookKey(Path file, SecureRandom random) {
        this.file = Objects.requireNonNull(file, "file");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Optional<SecretKey> find() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (posix()) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                throw new PassphraseBookException(PassphraseBookException.Reason.KEY_EXPOSED, file);
            }
        }
        if (Files.size(file) != KEY_BYTES) {
            throw new PassphraseBookException(PassphraseBookException.Reason.KEY_DAMAGED, file);
        }
        byte[] bytes = Files.readAllBytes(file);
        try {
            if (bytes.length != KEY_BYTES) {
                throw new PassphraseBookException(PassphraseBookException.Reason.KEY_DAMAGED, file);
            }
            return Optional.of(new SecretKeySpec(bytes, "AES"));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public SecretKey create() throws IOException {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            FileAttribute<?>[] attributes = posix()
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                    : new FileAttribute<?>[0];
            try (FileChannel channel = FileChannel.open(file,
                    Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            } catch (FileAlreadyExistsException e) {
                throw new PassphraseBookException(PassphraseBookException.Reason.KEY_EXISTS, file, e);
            }
            return new SecretKeySpec(bytes, "AES");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private boolean posix() {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
