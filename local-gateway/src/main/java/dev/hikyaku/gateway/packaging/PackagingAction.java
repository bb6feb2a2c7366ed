package dev.hikyaku.gateway.packaging;

import java.util.Objects;

/** What the packager does to a copy's attachments. S/MIME is not among them (yet): it is no zip. */
public sealed interface PackagingAction permits PackagingAction.AsIs, PackagingAction.PlainZip,
        PackagingAction.AesZip {

    /** Attachments stay as they are; the body is copied byte for byte. */
    record AsIs() implements PackagingAction {
    }

    /** Attachments go into one zip without a password, with a note saying so. */
    record PlainZip() implements PackagingAction {
    }

    /**
     * Attachments go into one AES-256 zip whose passphrase is never mailed, with a note saying how to open it.
     *
     * @param passphrase where the passphrase comes from
     */
    record AesZip(PassphraseSource passphrase) implements PackagingAction {

        /** Validated action. */
        public AesZip {
            Objects.requireNonNull(passphrase, "passphrase");
        }
    }
}
