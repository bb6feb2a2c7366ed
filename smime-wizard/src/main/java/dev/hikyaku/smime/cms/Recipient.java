package dev.hikyaku.smime.cms;

import java.util.List;
import java.util.Objects;

/**
 * One mailbox to encrypt to and every certificate it has; an empty list means it has none.
 *
 * @param address      the mailbox, as the message names it
 * @param certificates its valid certificates, best first (the contact store chooses them)
 */
public record Recipient(String address, List<EncryptionCertificate> certificates) {

    /** Copies the certificates. */
    public Recipient {
        Objects.requireNonNull(address, "address");
        certificates = List.copyOf(certificates);
    }
}
