package dev.hikyaku.gateway.packaging.passphrase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassphraseBookTest {
    private static final Instant NOW = Instant.parse("2025-06-03T01:15:00Z");

    @TempDir
    Path folder;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private Path bookFile() {
        return folder.resolve(PassphraseBook.FILE_NAME);
    }

    private FileBookKey key() {
        return new FileBookKey(folder.resolve(FileBookKey.FILE_NAME), random);
    }

    private PassphraseBook open() throws IOException {
        return PassphraseBook.open(bookFile(), key(), random, clock);
    }

    private static String text(AgreedPassphrase agreed) {
        return new String(agreed.passphrase().chars());
    }

    @Test
    void anAddressEntryWinsOverItsDomainAndBothSurviveReopening() throws IOException {
        PassphraseBook book = open();
        assertFalse(Files.exists(bookFile()), "nothing is written before the first entry");
        book.put(Contact.domain("partner.example"), "domain-wide-secret".toCharArray(), "the one for your company");
        book.put(Contact.address("Hanako@Partner.example"), "hanako-only-secret".toCharArray(), "our June meeting");

        PassphraseBook reopened = open();
        AgreedPassphrase hanako = reopened.lookup("hanako@partner.EXAMPLE").orElseThrow();
        assertEquals("hanako-only-secret", text(hanako));
        assertEquals("our June meeting", hanako.hint());
        assertEquals(Contact.address("hanako@partner.example"), hanako.contact());
        assertEquals(NOW, hanako.updated());
        AgreedPassphrase jiro = reopened.lookup("jiro@partner.example").orElseThrow();
        assertEquals("domain-wide-secret", text(jiro));
        assertEquals(Optional.empty(), reopened.lookup("someone@elsewhere.example"));
        assertEquals(Optional.empty(), reopened.lookup("not an address"));
        assertEquals(List.of(new BookEntry(Contact.domain("partner.example"), "the one for your company", NOW),
                new BookEntry(Contact.address("hanako@partner.example"), "our June meeting", NOW)),
                reopened.entries());
        assertFalse(hanako.toString().contains("hanako-only-secret"), hanako.toString());
    }

    @Test
    void theFileHoldsNeitherPassphrasesNorHintsInClearAndBothFilesAreOwnerOnly() throws IOException {
        open().put(Contact.address("hanako@partner.example"), "hanako-only-secret".toCharArray(), "our June meeting");
        byte[] bytes = Files.readAllBytes(bookFile());
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("hanako"), "contacts are encrypted too");
        assertFalse(raw.contains("secret"));
        assertFalse(raw.contains("June"));
        assertEquals(32, Files.size(folder.resolve(FileBookKey.FILE_NAME)));
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(folder.resolve(FileBookKey.FILE_NAME))));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(bookFile())));
        }
    }

    @Test
    void removingAnEntryIsSaved() throws IOException {
        PassphraseBook book = open();
        book.put(Contact.address("a@b.example"), "first-secret".toCharArray(), "hint one");
        book.put(Contact.address("a@b.example"), "second-secret".toCharArray(), "hint two");
        assertEquals("second-secret", text(open().lookup("a@b.example").orElseThrow()));
        assertTrue(book.remove(Contact.address("a@b.example")));
        assertFalse(book.remove(Contact.address("a@b.example")));
        assertEquals(Optional.empty(), open().lookup("a@b.example"));
    }

    @Test
    void weakPassphrasesAndRevealingHintsAreRefused() throws IOException {
        PassphraseBook book = open();
        Contact contact = Contact.address("a@b.example");
        assertThrows(IllegalArgumentException.class, () -> book.put(contact, "short".toCharArray(), "hint"));
        assertThrows(IllegalArgumentException.class, () -> book.put(contact, "日本語のパスワードです".toCharArray(), "hint"));
        assertThrows(IllegalArgumentException.class,
                () -> book.put(contact, "long-enough-secret".toCharArray(), "it is LONG-ENOUGH-SECRET"));
        assertThrows(IllegalArgumentException.class, () -> book.put(contact, "long-enough-secret".toCharArray(), " "));
        assertThrows(IllegalArgumentException.class,
                () -> book.put(contact, "long-enough-secret".toCharArray(), "two\nlines"));
        assertEquals(Optional.of("packaging.passphrase.hintReveals"),
                PassphraseRules.problem("long-enough-secret".toCharArray(), "long-enough-secret"));
        assertFalse(Files.exists(bookFile()));
    }

    @Test
    void aDamagedBookIsRefusedClearlyAndLeftAsItIs() throws IOException {
        open().put(Contact.address("a@b.example"), "first-secret".toCharArray(), "hint one");
        byte[] bytes = Files.readAllBytes(bookFile());
        bytes[bytes.length - 5] ^= 1;
        Files.write(bookFile(), bytes);

        PassphraseBookException e = assertThrows(PassphraseBookException.class, this::open);
        assertEquals(PassphraseBookException.Reason.UNDECRYPTABLE, e.reason());
        assertTrue(e.message(Locale.JAPANESE).contains(bookFile().toString()));
        assertArrayEquals(bytes, Files.readAllBytes(bookFile()), "nothing was overwritten");

        Files.writeString(bookFile(), "not a book at all");
        assertEquals(PassphraseBookException.Reason.DAMAGED,
                assertThrows(PassphraseBookException.class, this::open).reason());
        assertEquals("not a book at all", Files.readString(bookFile()));

        Files.write(bookFile(), new byte[] {'H', 'K', 'P', 'B', 9, 0, 0});
        assertEquals(PassphraseBookException.Reason.NEWER,
                assertThrows(PassphraseBookException.class, this::open).reason());
    }

    @Test
    void aBookWhoseKeyIsMissingReplacedOrExposedIsRefused() throws IOException {
        assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        open().put(Contact.address("a@b.example"), "first-secret".toCharArray(), "hint one");
        Path keyFile = folder.resolve(FileBookKey.FILE_NAME);
        byte[] key = Files.readAllBytes(keyFile);

        Files.delete(keyFile);
        assertEquals(PassphraseBookException.Reason.KEY_MISSING,
                assertThrows(PassphraseBookException.class, this::open).reason());
        assertFalse(Files.exists(keyFile), "no new key is made for an existing book");

        new FileBookKey(keyFile, random).create();
        assertEquals(PassphraseBookException.Reason.UNDECRYPTABLE,
                assertThrows(PassphraseBookException.class, this::open).reason());
        assertEquals(PassphraseBookException.Reason.KEY_EXISTS,
                assertThrows(PassphraseBookException.class, () -> new FileBookKey(keyFile, random).create()).reason());

        Files.delete(keyFile);
        Files.write(keyFile, new byte[5]);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        assertEquals(PassphraseBookException.Reason.KEY_DAMAGED,
                assertThrows(PassphraseBookException.class, this::open).reason());

        Files.write(keyFile, key);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(PassphraseBookException.Reason.KEY_EXPOSED,
                assertThrows(PassphraseBookException.class, this::open).reason());
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        assertEquals("first-secret", text(open().lookup("a@b.example").orElseThrow()));
    }
}
