package dev.hikyaku.smime.wizard;

import dev.hikyaku.smime.identity.StorePassword;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.openssl.PKCS8Generator;

/**
 * The private key of a request the CA has not answered yet (that can take days), kept between restarts as an
 * encrypted PKCS#8 file (PBES2: PBKDF2-HMAC-SHA256 and AES-256-CBC) under the identity store's password. It is
 * deleted once the certificate is imported and the key lives in the identity store.
 */
final class PendingKey {
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private final Path file;
    private final StorePassword password;
    private final SecureRandom random;
    private final int iterations;

    PendingKey(Path file, StorePassword password, SecureRandom random, int iterations) {
        this.file = file;
        this.password = password;
        this.random = random;
        this.iterations = iterations;
    }

    void save(PrivateKey key) throws IOException {
        char[] secret = password.password();
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            JceOpenSSLPKCS8EncryptorBuilder encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setPRF(PKCS8Generator.PRF_HMACSHA256).setIterationCount(iterations).setRandom(random)
                    .setProvider(BOUNCY_CASTLE).setPassword(secret);
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.US_ASCII);
                 JcaPEMWriter pem = new JcaPEMWriter(out)) {
                pem.writeObject(new JcaPKCS8Generator(key, encryptor.build()).generate());
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (OperatorCreationException e) {
            throw new IOException("cannot encrypt the pending key", e);
        } finally {
            Arrays.fill(secret, '\0');
            Files.deleteIfExists(temporary);
        }
    }

    PrivateKey load() throws IOException {
        char[] secret = password.password();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(in)) {
            if (!(parser.readObject() instanceof PKCS8EncryptedPrivateKeyInfo encrypted)) {
                throw new IOException(file + " holds no encrypted key");
            }
            return new JcaPEMKeyConverter().getPrivateKey(encrypted.decryptPrivateKeyInfo(
                    new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(secret)));
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            throw new IOException("cannot decrypt the pending key in " + file, e);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
