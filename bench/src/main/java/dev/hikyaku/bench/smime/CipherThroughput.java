package dev.hikyaku.bench.smime;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Raw AES-256-CBC encryption speed of one provider, in MiB/s, over 1 MiB updates. */
final class CipherThroughput {
    private static final int CHUNK = 1 << 20;

    private CipherThroughput() {
    }

    static double mibPerSecond(Provider provider, int mebibytes) throws GeneralSecurityException {
        byte[] key = new byte[32];
        byte[] iv = new byte[16];
        new SecureRandom().nextBytes(key);
        byte[] input = new byte[CHUNK];
        byte[] output = new byte[CHUNK + 32];
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding", provider);
        for (int warm = 0; warm < 2; warm++) {
            run(cipher, key, iv, input, output, 16);
        }
        long start = System.nanoTime();
        run(cipher, key, iv, input, output, mebibytes);
        return mebibytes / ((System.nanoTime() - start) / 1e9);
    }

    private static void run(Cipher cipher, byte[] key, byte[] iv, byte[] input, byte[] output, int chunks)
            throws GeneralSecurityException {
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        for (int i = 0; i < chunks; i++) {
            cipher.update(input, 0, input.length, output);
        }
        cipher.doFinal(output, 0);
    }
}
