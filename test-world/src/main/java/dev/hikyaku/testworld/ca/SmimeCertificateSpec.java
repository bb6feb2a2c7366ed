package dev.hikyaku.testworld.ca;

import java.util.Objects;

/**
 * What a fixture S/MIME certificate should look like; make one with {@link FixtureCa#smimeSpec} and change it
 * with the {@code with...} methods.
 *
 * @param email    the mailbox (SAN rfc822Name and subject emailAddress)
 * @param freshKey whether the certificate gets a key of its own instead of the CA's shared one for its key type;
 *                 key history tests need an old and a new key that differ
 */
public record SmimeCertificateSpec(String email, Validity validity, KeyType keyType, Signer signer, boolean freshKey) {

    /** Checks that nothing is missing. */
    public SmimeCertificateSpec {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(signer, "signer");
    }

    /** The same certificate with another validity window. */
    public SmimeCertificateSpec withValidity(Validity otherValidity) {
        return new SmimeCertificateSpec(email, otherValidity, keyType, signer, freshKey);
    }

    /** The same certificate with another key type. */
    public SmimeCertificateSpec withKeyType(KeyType otherKeyType) {
        return new SmimeCertificateSpec(email, validity, otherKeyType, signer, freshKey);
    }

    /** The same certificate signed by someone else. */
    public SmimeCertificateSpec withSigner(Signer otherSigner) {
        return new SmimeCertificateSpec(email, validity, keyType, otherSigner, freshKey);
    }

    /** The same certificate on a newly generated key. */
    public SmimeCertificateSpec withFreshKey() {
        return new SmimeCertificateSpec(email, validity, keyType, signer, true);
    }
}
