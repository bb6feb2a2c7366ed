package dev.hikyaku.testworld.ca;

import java.util.List;
import java.util.Objects;

/**
 * What a fixture server certificate should look like; make one with {@link FixtureCa#serverSpec} and
 * change it with the {@code with...} methods.
 *
 * @param names DNS names (SAN dNSName) and IP literals (SAN iPAddress); the first is also the subject CN
 */
public record ServerCertificateSpec(List<String> names, Validity validity, KeyType keyType, Signer signer) {

    /** Checks that the certificate names something. */
    public ServerCertificateSpec {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least one name");
        }
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(signer, "signer");
    }

    /** The same certificate for other names (a wrong-name certificate is just one for other names). */
    public ServerCertificateSpec withNames(String... otherNames) {
        return new ServerCertificateSpec(List.of(otherNames), validity, keyType, signer);
    }

    /** The same certificate with another validity window. */
    public ServerCertificateSpec withValidity(Validity otherValidity) {
        return new ServerCertificateSpec(names, otherValidity, keyType, signer);
    }

    /** The same certificate with another key type. */
    public ServerCertificateSpec withKeyType(KeyType otherKeyType) {
        return new ServerCertificateSpec(names, validity, otherKeyType, signer);
    }

    /** The same certificate signed by someone else. */
    public ServerCertificateSpec withSigner(Signer otherSigner) {
        return new ServerCertificateSpec(names, validity, keyType, otherSigner);
    }
}
