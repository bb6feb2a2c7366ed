package dev.hikyaku.smime.cms;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate chain, leaf first: what signing and decrypting need.
 *
 * @param privateKey the key (never printed)
 * @param chain      the leaf certificate, then the intermediates that lead to a root
 */
public record Credential(PrivateKey privateKey, List<X509Certificate> chain) {

    /** Copies the chain and checks it has a leaf. */
    public Credential {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a credential needs at least its own certificate");
        }
    }

    /** The leaf certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        return "Credential[" + certificate().getSubjectX500Principal() + ", serial " + certificate().getSerialNumber() + "]";
    }
}
