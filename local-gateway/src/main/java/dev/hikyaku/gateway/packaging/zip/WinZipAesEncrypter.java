package dev.hikyaku.gateway.packaging.zip;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encryption of one WinZip AES-256 entry: keys from PBKDF2-HMAC-SHA1 (1000 iterations) over the password and
 * the entry's salt, AES in counter mode with a little-endian counter starting at 1, and HMAC-SHA1 over the
 * ciphertext. The JDK's AES/CTR counts big-endian, so the keystream is made here by encrypting a buffer of
 * counter blocks with AES/ECB, which runs on the processor's AES instructions; HMAC-SHA1 is the JDK's too.
 */
final class WinZipAesEncrypter {
    static final int SALT_LENGTH = 16;
    static final int VERIFIER_LENGTH = 2;
    static final int TAG_LENGTH = 10;
    /** Salt, verifier and tag: what an AES entry adds to its data. */
    static final int OVERHEAD = SALT_LENGTH + VERIFIER_LENGTH + TAG_LENGTH;

    private static final int KEY_LENGTH = 32;
    private static final int ITERATIONS = 1000;
    private static final int BLOCK = 16;
    /** Counter blocks encrypted per call: large enough that the cipher's per-call cost vanishes. */
    private static final int KEYSTREAM = 64 * 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final Cipher aes;
    private final Mac hmac;
    private final byte[] verifier;
    private final byte[] counters = new byte[KEYSTREAM];
    private final byte[] keystream = new byte[KEYSTREAM];
    private int keystreamPosition = KEYSTREAM;
    private long counter = 1;

    WinZipAesEncrypter(char[] password, byte[] salt) {
        byte[] derived = null;
        try {
            SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1");
            PBEKeySpec spec = new PBEKeySpec(password, salt, ITERATIONS, (2 * KEY_LENGTH + VERIFIER_LENGTH) * 8);
            try {
                derived = pbkdf2.generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
            aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(derived, 0, KEY_LENGTH, "AES"));
            hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(derived, KEY_LENGTH, KEY_LENGTH, "HmacSHA1"));
            verifier = Arrays.copyOfRange(derived, 2 * KEY_LENGTH, 2 * KEY_LENGTH + VERIFIER_LENGTH);
        } catch (GeneralSecurityException e) {
            // Every JDK has these algorithms; without them nothing can be encrypted at all.
            throw new IllegalStateException("the JDK lacks AES, PBKDF2WithHmacSHA1 or HmacSHA1", e);
        } finally {
            if (derived != null) {
                Arrays.fill(derived, (byte) 0);
            }
        }
    }

    /** The two bytes after the salt that let a reader tell a wrong password before decrypting. */
    byte[] verifier() {
        return verifier.clone();
    }

    /** Encrypts {@code length} bytes in place and adds the ciphertext to the HMAC. */
    void encrypt(byte[] data, int offset, int length) {
        int done = 0;
        while (done < length) {
            if (keystreamPosition == KEYSTREAM) {
                refill();
            }
            int count = Math.min(length - done, KEYSTREAM - keystreamPosition);
            xor(data, offset + done, keystream, keystreamPosition, count);
            keystreamPosition += count;
            done += count;
        }
        hmac.update(data, offset, length);
    }

    /** The authentication code that ends the entry: the first ten bytes of the HMAC. */
    byte[] tag() {
        return Arrays.copyOf(hmac.doFinal(), TAG_LENGTH);
    }

    private void refill() {
        for (int block = 0; block < KEYSTREAM; block += BLOCK) {
            // The high eight bytes of each block stay zero: 2^64 blocks are far beyond any entry.
            LONGS.set(counters, block, counter++);
        }
        try {
            aes.update(counters, 0, KEYSTREAM, keystream, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/ECB refused whole blocks", e);
        }
        keystreamPosition = 0;
    }

    private static void xor(byte[] data, int dataOffset, byte[] key, int keyOffset, int count) {
        int i = 0;
        for (; i + Long.BYTES <= count; i += Long.BYTES) {
            long mixed = (long) LONGS.get(data, dataOffset + i) ^ (long) LONGS.get(key, keyOffset + i);
            LONGS.set(data, dataOffset + i, mixed);
        }
        for (; i < count; i++) {
            data[dataOffset + i] ^= key[keyOffset + i];
        }
    }
}
