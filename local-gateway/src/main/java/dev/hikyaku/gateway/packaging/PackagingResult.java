package dev.hikyaku.gateway.packaging;

import dev.hikyaku.gateway.packaging.passphrase.Passphrase;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the packager did to one copy. */
public sealed interface PackagingResult permits PackagingResult.AsIs, PackagingResult.NothingToZip,
        PackagingResult.Zipped {

    /** Whether To or Cc were changed by the header treatment. */
    boolean headersChanged();

    /** The size of the copy written, in bytes. */
    long outputBytes();

    /**
     * The message went as it was: byte for byte unless the header treatment changed To or Cc.
     *
     * @param headersChanged whether To or Cc were changed
     * @param outputBytes    the copy's size
     */
    record AsIs(boolean headersChanged, long outputBytes) implements PackagingResult {
    }

    /**
     * A zip was asked for, but the message has no attachments: the body went as it was, with no note.
     *
     * @param headersChanged whether To or Cc were changed
     * @param outputBytes    the copy's size
     */
    record NothingToZip(boolean headersChanged, long outputBytes) implements PackagingResult {
    }

    /**
     * The attachments went into one zip, with a note first.
     *
     * @param zipName              the zip's file name in the message
     * @param files                what went into it, in order
     * @param zipBytes             the zip's size (before base64)
     * @param encrypted            whether it is AES-256 encrypted
     * @param passphraseForSender  a fresh passphrase the sender must pass on by phone or chat (empty for an
     *                             agreed passphrase or a plain zip); hidden in {@link #toString()}
     * @param headersChanged       whether To or Cc were changed
     * @param outputBytes          the copy's size
     */
    record Zipped(String zipName, List<PackedFile> files, long zipBytes, boolean encrypted,
                  Optional<Passphrase> passphraseForSender, boolean headersChanged, long outputBytes)
            implements PackagingResult {

        /** Validated result with an unmodifiable list. */
        public Zipped {
            Objects.requireNonNull(zipName, "zipName");
            files = List.copyOf(files);
            Objects.requireNonNull(passphraseForSender, "passphraseForSender");
        }
    }
}
