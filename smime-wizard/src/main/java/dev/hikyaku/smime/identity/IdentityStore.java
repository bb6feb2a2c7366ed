package dev.hikyaku.smime.identity;

import dev.hikyaku.smime.cms.Credential;
import dev.hikyaku.smime.cms.KeyRing;
import dev.hikyaku.smime.text.Notice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The user's own S/MIME identities: every private key they ever had, with its chain, in one PKCS#12 file protected
 * by AES-256-CBC and PBKDF2 (see {@link Pkcs12Format#MODERN}). Nothing is ever removed: an expired key still
 * decrypts the mail that was sent to it, so {@link #decryptionKeys()} offers them all.
 *
 * <p>Which identity signs for an address: of those naming it that may sign and are valid now, the one with the
 * latest notAfter (then the latest notBefore). The file is rewritten whole, through a temporary file and an atomic
 * rename, whenever an identity is added.
 */
public final class IdentityStore implements KeyRing {
    /** The store's file name in Hikyaku's data folder, shared by the app's S/MIME screens and the gateway. */
    public static final String FILE_NAME = "identities.p12";

    private final Path file;
    private final StorePassword password;
    private final Pkcs12Codec codec;
    private final Clock clock;
    private final List<Identity> identities;

    private IdentityStore(Path file, StorePassword password, Pkcs12Codec codec, Clock clock, List<Identity> identities) {
        this.file = file;
        this.password = password;
        this.codec = codec;
        this.clock = clock;
        this.identities = identities;
    }

    /** Opens the store at the file (an absent file is an empty store), with the modern protection's full PBKDF2 cost. */
    public static IdentityStore open(Path file, StorePassword password, Clock clock) throws IdentityStoreException {
        return open(file, password, clock, new SecureRandom(), Pkcs12Codec.MODERN_ITERATIONS);
    }

    /**
     * Opens the store with a chosen PBKDF2 iteration count for what it writes (tests use a small one; reading follows
     * whatever the file says).
     */
    public static IdentityStore open(Path file, StorePassword password, Clock clock, SecureRandom random,
            int iterations) throws IdentityStoreException {
        List<Identity> identities = new ArrayList<>();
        if (Files.exists(file)) {
            char[] secret = password.password();
            try (InputStream in = Files.newInputStream(file)) {
                Pkcs12Codec.read(in, secret).forEach(credential -> identities.add(new Identity(credential)));
            } catch (IOException e) {
                throw new IdentityStoreException(Notice.of("identity.unreadable", file), e);
            } finally {
                Arrays.fill(secret, '\0');
            }
        }
        return new IdentityStore(file, password, new Pkcs12Codec(random, iterations), clock, identities);
    }

    /** Adds an identity (a renewed or additional certificate) and saves; adding one already held changes nothing. */
    public synchronized void add(Credential credential) throws IdentityStoreException {
        Identity identity = new Identity(credential);
        if (identities.stream().anyMatch(held -> held.fingerprint().equals(identity.fingerprint()))) {
            return;
        }
        identities.add(identity);
        try {
            save();
        } catch (IdentityStoreException e) {
            identities.remove(identity);
            throw e;
        }
    }

    /**
     * Imports every key with its chain from a PKCS#12 file (from a CA, Outlook or Thunderbird).
     *
     * @return how many identities were new
     */
    public synchronized int importPkcs12(InputStream in, char[] filePassword) throws IdentityStoreException {
        int added = 0;
        for (Credential credential : Pkcs12Codec.read(in, filePassword)) {
            int before = identities.size();
            add(credential);
            added += identities.size() - before;
        }
        return added;
    }

    /**
     * Reads every key with its chain from a PKCS#12 file without keeping anything, so that what a CA handed out can
     * be checked before it is added.
     */
    public static List<Credential> readPkcs12(InputStream in, char[] filePassword) throws IdentityStoreException {
        return Pkcs12Codec.read(in, filePassword);
    }

    /**
     * Exports one identity with its chain as PKCS#12, for installing it in a mail client.
     *
     * @param format {@link Pkcs12Format#MODERN}, or {@link Pkcs12Format#LEGACY} for Windows before 10 1709
     */
    public void exportPkcs12(Identity identity, Pkcs12Format format, char[] filePassword, OutputStream out)
            throws IdentityStoreException {
        codec.write(List.of(identity.credential()), format, filePassword, out);
    }

    /** Every identity, newest certificate first. */
    public synchronized List<Identity> all() {
        return identities.stream().sorted(newestFirst()).toList();
    }

    /** The key history of an address: every identity naming it, newest first, expired ones included. */
    public synchronized List<Identity> history(String address) {
        return identities.stream().filter(identity -> identity.certificate().names(address)).sorted(newestFirst()).toList();
    }

    /** The identity that signs for the address now, by the rule in the class comment. */
    public synchronized Optional<Identity> signing(String address) {
        Instant now = clock.instant();
        return identities.stream()
                .filter(identity -> identity.certificate().names(address) && identity.canSignAt(now))
                .max(Comparator.comparing((Identity identity) -> identity.certificate().notAfter())
                        .thenComparing(identity -> identity.certificate().notBefore()));
    }

    /** The identities of the address that mail can be encrypted to now (the sender's own copy), newest first. */
    public synchronized List<Identity> encryption(String address) {
        Instant now = clock.instant();
        return history(address).stream().filter(identity -> identity.canEncryptAt(now)).toList();
    }

    @Override
    public synchronized List<Credential> decryptionKeys() {
        return identities.stream().sorted(newestFirst()).map(Identity::credential).toList();
    }

    private void save() throws IdentityStoreException {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        char[] secret = password.password();
        try {
            codec.write(identities.stream().map(Identity::credential).toList(), Pkcs12Format.MODERN, secret, encoded);
        } finally {
            Arrays.fill(secret, '\0');
        }
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                     OutputStream out = Channels.newOutputStream(channel)) {
                    out.write(encoded.toByteArray());
                    out.flush();
                    channel.force(true);
                }
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new IdentityStoreException(Notice.of("identity.writeFailed", file), e);
        }
    }

    private static Comparator<Identity> newestFirst() {
        return Comparator.comparing((Identity identity) -> identity.certificate().notBefore()).reversed()
                .thenComparing(Identity::fingerprint);
    }
}
