package dev.hikyaku.gateway.packaging;

import dev.hikyaku.gateway.packaging.passphrase.AgreedPassphrase;
import dev.hikyaku.gateway.packaging.passphrase.Passphrase;
import java.util.Objects;

/** Where an AES zip's passphrase comes from; it never goes into mail either way. */
public sealed interface PassphraseSource permits PassphraseSource.Agreed, PassphraseSource.Fresh {

    /**
     * A passphrase agreed with the recipient beforehand; only {@code hint} goes into the note.
     *
     * @param passphrase the passphrase (not cleared by the packager)
     * @param hint       the reminder of which passphrase it is
     */
    record Agreed(Passphrase passphrase, String hint) implements PassphraseSource {

        /** Validated source. */
        public Agreed {
            Objects.requireNonNull(passphrase, "passphrase");
            Objects.requireNonNull(hint, "hint");
        }

        /** The source for an entry of the passphrase book. */
        public static Agreed from(AgreedPassphrase agreed) {
            return new Agreed(agreed.passphrase(), agreed.hint());
        }
    }

    /**
     * A fresh passphrase made for this copy, which the result hands to the sender to pass on by phone or chat.
     */
    record Fresh() implements PassphraseSource {
    }
}
