package dev.hikyaku.testworld.ca;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509KeyManager;

/**
 * A private key with its certificate chain, leaf first; the root is not part of the chain, as servers
 * do not send it either.
 */
public record Issued(PrivateKey key, List<X509Certificate> chain) {

    private static final String ALIAS = "fixture";

    /** Copies the chain and checks it has a leaf. */
    public Issued {
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a chain needs at least the leaf certificate");
        }
    }

    /** The leaf certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** An in-memory PKCS#12 key store holding the key and chain under the given password. */
    public KeyStore keyStore(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, password, chain.toArray(X509Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a key store for " + certificate().getSubjectX500Principal(), e);
        }
    }

    /** A key manager that presents this key and chain. */
    public X509KeyManager keyManager() {
        return new FixedKeyManager(key, chain);
    }

    /** A fresh TLS context for a server that presents this key and chain. */
    public SSLContext serverContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {keyManager()}, null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a server TLS context", e);
        }
    }

    /** The chain as PEM text, leaf first. */
    public String chainPem() {
        return Pem.certificates(chain);
    }

    /** The private key as unencrypted PKCS#8 PEM text. */
    public String keyPem() {
        return Pem.privateKey(key);
    }

    /** Writes key and chain as a PKCS#12 file protected by the password and returns the file. */
    public Path writePkcs12(Path file, char[] password) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            keyStore(password).store(out, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write PKCS#12 to " + file, e);
        }
        return file;
    }
}
