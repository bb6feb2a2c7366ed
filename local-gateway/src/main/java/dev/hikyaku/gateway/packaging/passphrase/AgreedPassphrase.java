package dev.hikyaku.gateway.packaging.passphrase;

import java.time.Instant;
import java.util.Objects;

/**
 * A passphrase agreed with a contact beforehand, and the hint that reminds the contact which one it is. Only
 * the hint ever goes into mail. {@link #toString()} shows no passphrase.
 *
 * @param contact    whom it is for
 * @param passphrase the passphrase (the caller should {@link Passphrase#clear()} it after use)
 * @param hint       the reminder put in the note, such as "the one we agreed at the meeting on 5 June"
 * @param updated    when it was last set
 */
public record AgreedPassphrase(Contact contact, Passphrase passphrase, String hint, Instant updated) {

    /** Validated entry. */
    public AgreedPassphrase {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(updated, "updated");
    }
}
