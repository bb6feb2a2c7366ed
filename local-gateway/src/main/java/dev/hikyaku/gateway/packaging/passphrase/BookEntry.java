package dev.hikyaku.gateway.packaging.passphrase;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the passphrase book as a list shows it: without the passphrase.
 *
 * @param contact whom it is for
 * @param hint    the hint that goes into mail
 * @param updated when the passphrase was last set
 */
public record BookEntry(Contact contact, String hint, Instant updated) {

    /** Validated entry. */
    public BookEntry {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(updated, "updated");
    }
}
