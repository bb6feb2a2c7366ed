package dev.hikyaku.gateway.packaging.passphrase;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * The passphrases agreed with contacts beforehand, each with the hint that may go into mail, per address or
 * per domain (an address's own entry wins over its domain's). Kept encrypted at rest (AES-256-GCM, see
 * {@code BookFile}) with a key from a {@link BookKey}; every change is written to a new file that then
 * replaces the old one, so a crash leaves the old book or the new one. A book that cannot be read is
 * refused with a {@link PassphraseBookException} and never overwritten. Thread-safe.
 */
public final class PassphraseBook {
    /** The book's usual name in the data folder. */
    public static final String FILE_NAME = "passphrases.book";

    private final Path file;
    private final BookKey key;
    private final SecureRandom random;
    private final Clock clock;
    private final Map<Contact, BookFile.Stored> entries;

    private PassphraseBook(Path file, BookKey key, SecureRandom random, Clock clock,
                           Map<Contact, BookFile.Stored> entries) {
        this.file = file;
        this.key = key;
        this.random = random;
        this.clock = clock;
        this.entries = entries;
    }

    /**
     * Opens the book in {@code file}, or an empty one when there is no file yet (the file and, through
     * {@code key}, the key are created on the first change). {@code random} makes nonces, {@code clock} stamps
     * changes.
     *
     * @throws PassphraseBookException when the file is damaged, was written by a newer version, does not
     *                                 decrypt with the key, or its key is missing, damaged or exposed
     */
    public static PassphraseBook open(Path file, BookKey key, SecureRandom random, Clock clock) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(clock, "clock");
        if (!Files.exists(file)) {
            return new PassphraseBook(file, key, random, clock, new LinkedHashMap<>());
        }
        SecretKey secret = key.find()
                .orElseThrow(() -> new PassphraseBookException(PassphraseBookException.Reason.KEY_MISSING, file));
        if (Files.size(file) > BookFile.MAX_SIZE) {
            throw new PassphraseBookException(PassphraseBookException.Reason.DAMAGED, file);
        }
        byte[] bytes = Files.readAllBytes(file);
        try {
            return new PassphraseBook(file, key, random, clock, BookFile.decode(bytes, secret));
        } catch (BookFile.Unreadable e) {
            PassphraseBookException.Reason reason = e.newer ? PassphraseBookException.Reason.NEWER
                    : e.undecryptable ? PassphraseBookException.Reason.UNDECRYPTABLE
                    : PassphraseBookException.Reason.DAMAGED;
            throw new PassphraseBookException(reason, file, e);
        }
    }

    /**
     * The passphrase agreed for {@code address}: its own entry, else its domain's; empty when neither exists.
     * The returned passphrase is a copy the caller should clear after use.
     */
    public synchronized Optional<AgreedPassphrase> lookup(String address) {
        String lower = address.strip().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        List<Contact> candidates = new ArrayList<>(2);
        if (at > 0 && at < lower.length() - 1) {
            candidates.add(Contact.address(lower));
            candidates.add(Contact.domain(lower.substring(at + 1)));
        }
        for (Contact contact : candidates) {
            BookFile.Stored stored = entries.get(contact);
            if (stored != null) {
                return Optional.of(new AgreedPassphrase(contact, Passphrase.of(stored.passphrase()), stored.hint(),
                        stored.updated()));
            }
        }
        return Optional.empty();
    }

    /**
     * Sets the passphrase and hint for {@code contact} (replacing any earlier one) and saves the book; the
     * caller may clear {@code passphrase} afterwards.
     *
     * @throws IllegalArgumentException when {@link PassphraseRules#problem} finds fault with them
     */
    public synchronized void put(Contact contact, char[] passphrase, String hint) throws IOException {
        Objects.requireNonNull(contact, "contact");
        Optional<String> problem = PassphraseRules.problem(passphrase, hint);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("passphrase or hint refused: " + problem.get());
        }
        BookFile.Stored previous = entries.put(contact,
                new BookFile.Stored(passphrase.clone(), hint.strip(), clock.instant()));
        try {
            save();
        } catch (IOException | RuntimeException e) {
            BookFile.Stored failed = previous == null ? entries.remove(contact) : entries.put(contact, previous);
            Arrays.fill(failed.passphrase(), '\0');
            throw e;
        }
        if (previous != null) {
            Arrays.fill(previous.passphrase(), '\0');
        }
    }

    /** Removes the entry for {@code contact} and saves the book; false when there was none. */
    public synchronized boolean remove(Contact contact) throws IOException {
        BookFile.Stored removed = entries.remove(contact);
        if (removed == null) {
            return false;
        }
        try {
            save();
        } catch (IOException | RuntimeException e) {
            entries.put(contact, removed);
            throw e;
        }
        Arrays.fill(removed.passphrase(), '\0');
        return true;
    }

    /** Every entry, without passphrases, in the order they were first set. */
    public synchronized List<BookEntry> entries() {
        return entries.entrySet().stream()
                .map(entry -> new BookEntry(entry.getKey(), entry.getValue().hint(), entry.getValue().updated()))
                .toList();
    }

    private void save() throws IOException {
        Optional<SecretKey> existing = key.find();
        SecretKey secret = existing.isPresent() ? existing.get() : key.create();
        byte[] bytes = BookFile.encode(entries, secret, random);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path next = parent.resolve(file.getFileName() + ".new");
        Files.deleteIfExists(next);
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        "rw-------"))}
                : new FileAttribute<?>[0];
        try (FileChannel channel = FileChannel.open(next,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
