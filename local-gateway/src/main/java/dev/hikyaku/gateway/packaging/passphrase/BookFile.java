package dev.hikyaku.gateway.packaging.passphrase;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The passphrase book's bytes on disk: {@code HKPB}, a format version, a 12-byte nonce and the entries
 * encrypted with AES-256-GCM (the magic and version authenticated too). Inside, a count and per entry its
 * kind, contact, passphrase, hint and time, each length-prefixed. Reading is strict: anything that does not
 * decrypt or parse exactly is refused.
 */
final class BookFile {
    static final int MAX_SIZE = 4 * 1024 * 1024;
    private static final byte[] MAGIC = {'H', 'K', 'P', 'B'};
    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_ENTRIES = 100_000;

    /** The file could not be read: {@link #newer} when a later version wrote it, else damaged or undecryptable. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean newer;
        final boolean undecryptable;

        Unreadable(String message, boolean newer, boolean undecryptable) {
            super(message);
            this.newer = newer;
            this.undecryptable = undecryptable;
        }
    }

    /** One stored entry; the caller owns and clears the passphrase array. */
    record Stored(char[] passphrase, String hint, Instant updated) {
    }

    private BookFile() {
    }

    static byte[] encode(Map<Contact, Stored> entries, SecretKey key, SecureRandom random) {
        int size = Integer.BYTES;
        for (Map.Entry<Contact, Stored> entry : entries.entrySet()) {
            size += 1 + 3 * Short.BYTES + Long.BYTES + utf8(entry.getKey().value()).length
                    + entry.getValue().passphrase().length + utf8(entry.getValue().hint()).length;
        }
        ByteBuffer plain = ByteBuffer.allocate(size);
        try {
            plain.putInt(entries.size());
            for (Map.Entry<Contact, Stored> entry : entries.entrySet()) {
                plain.put((byte) entry.getKey().kind().ordinal());
                putBytes(plain, utf8(entry.getKey().value()));
                char[] passphrase = entry.getValue().passphrase();
                plain.putShort((short) passphrase.length);
                for (char c : passphrase) {
                    // PassphraseRules allows printable ASCII only, so one byte per character.
                    plain.put((byte) c);
                }
                putBytes(plain, utf8(entry.getValue().hint()));
                plain.putLong(entry.getValue().updated().toEpochMilli());
            }
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            gcm.updateAAD(header());
            byte[] sealed = gcm.doFinal(plain.array());
            return ByteBuffer.allocate(MAGIC.length + 1 + NONCE + sealed.length)
                    .put(header()).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES/GCM", e);
        } finally {
            Arrays.fill(plain.array(), (byte) 0);
        }
    }

    static Map<Contact, Stored> decode(byte[] file, SecretKey key) throws Unreadable {
        if (file.length < MAGIC.length + 1 || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new Unreadable("not a passphrase book", false, false);
        }
        if (file[MAGIC.length] != VERSION) {
            throw new Unreadable("format version " + file[MAGIC.length], file[MAGIC.length] > VERSION, false);
        }
        int start = MAGIC.length + 1;
        if (file.length < start + NONCE + TAG_BITS / 8) {
            throw new Unreadable("cut short", false, false);
        }
        byte[] plain;
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, file, start, NONCE));
            gcm.updateAAD(header());
            plain = gcm.doFinal(file, start + NONCE, file.length - start - NONCE);
        } catch (AEADBadTagException e) {
            throw new Unreadable("does not decrypt with this key", false, true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES/GCM", e);
        }
        try {
            return parse(ByteBuffer.wrap(plain));
        } catch (BufferUnderflowException | IllegalArgumentException | CharacterCodingException e) {
            throw new Unreadable("entries malformed", false, false);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static Map<Contact, Stored> parse(ByteBuffer plain) throws CharacterCodingException, Unreadable {
        int count = plain.getInt();
        if (count < 0 || count > MAX_ENTRIES) {
            throw new Unreadable("entry count " + count, false, false);
        }
        Map<Contact, Stored> entries = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int kind = plain.get();
            if (kind < 0 || kind >= Contact.Kind.values().length) {
                throw new Unreadable("contact kind " + kind, false, false);
            }
            Contact contact = new Contact(Contact.Kind.values()[kind], text(plain));
            char[] passphrase = new char[Short.toUnsignedInt(plain.getShort())];
            for (int c = 0; c < passphrase.length; c++) {
                passphrase[c] = (char) (plain.get() & 0xff);
            }
            String hint = text(plain);
            Instant updated = Instant.ofEpochMilli(plain.getLong());
            if (entries.put(contact, new Stored(passphrase, hint, updated)) != null) {
                throw new Unreadable("a contact twice", false, false);
            }
        }
        if (plain.hasRemaining()) {
            throw new Unreadable("bytes after the entries", false, false);
        }
        return entries;
    }

    private static byte[] header() {
        byte[] header = Arrays.copyOf(MAGIC, MAGIC.length + 1);
        header[MAGIC.length] = VERSION;
        return header;
    }

    private static void putBytes(ByteBuffer buffer, byte[] bytes) {
        buffer.putShort((short) bytes.length).put(bytes);
    }

    private static String text(ByteBuffer buffer) throws CharacterCodingException {
        byte[] bytes = new byte[Short.toUnsignedInt(buffer.getShort())];
        buffer.get(bytes);
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
