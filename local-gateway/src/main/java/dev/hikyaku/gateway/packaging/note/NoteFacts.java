package dev.hikyaku.gateway.packaging.note;

import java.util.List;
import java.util.Objects;

/**
 * What a note tells the recipient.
 *
 * @param zipName   the zip file's name as attached
 * @param fileNames the names of the files inside, in order
 * @param hint      the passphrase hint ({@link NoteKind#AES_AGREED} only; empty otherwise)
 */
public record NoteFacts(String zipName, List<String> fileNames, String hint) {

    /** Validated facts with an unmodifiable list. */
    public NoteFacts {
        Objects.requireNonNull(zipName, "zipName");
        fileNames = List.copyOf(fileNames);
        Objects.requireNonNull(hint, "hint");
    }
}
