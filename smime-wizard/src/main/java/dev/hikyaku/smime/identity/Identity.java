package dev.hikyaku.smime.identity;

import dev.hikyaku.smime.certificate.MailCertificate;
import dev.hikyaku.smime.cms.Credential;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One of the user's own keys with its certificate chain; the store keeps every one it was ever given.
 *
 * @param credential the key and chain
 */
public record Identity(Credential credential) {

    /** Checks that there is a credential. */
    public Identity {
        Objects.requireNonNull(credential, "credential");
    }

    /** The certificate read as a mail certificate. */
    public MailCertificate certificate() {
        return new MailCertificate(credential.certificate());
    }

    /** The mailboxes the certificate names. */
    public List<String> addresses() {
        return certificate().addresses();
    }

    /** The store's name for it: the certificate's SHA-256 fingerprint. */
    public String fingerprint() {
        return certificate().fingerprint();
    }

    /**
     * The name it carries in exported PKCS#12 files, which mail clients show and NSS uses as its nickname: the
     * address, the start of validity and the start of the fingerprint.
     */
    public String friendlyName() {
        return Pkcs12Codec.friendlyName(credential.certificate());
    }

    /** Whether it may sign and is valid at the instant. */
    public boolean canSignAt(Instant instant) {
        return certificate().canSign() && certificate().isValidAt(instant);
    }

    /** Whether mail may be encrypted to it at the instant. */
    public boolean canEncryptAt(Instant instant) {
        return certificate().canEncrypt() && certificate().isValidAt(instant);
    }
}
