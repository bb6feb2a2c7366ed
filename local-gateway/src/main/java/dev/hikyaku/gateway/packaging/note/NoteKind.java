package dev.hikyaku.gateway.packaging.note;

/** Which note a recipient's copy gets: it depends on how the attachments were packed. */
public enum NoteKind {
    /** An AES zip whose passphrase was agreed beforehand: the note gives only the hint. */
    AES_AGREED("aes-agreed"),
    /** An AES zip with a fresh passphrase that the sender passes on by phone or chat. */
    AES_FRESH("aes-fresh"),
    /** A zip without a password. */
    PLAIN_ZIP("plain-zip");

    private final String baseName;

    NoteKind(String baseName) {
        this.baseName = baseName;
    }

    /** The template file's name for a language: {@code aes-agreed.ja.txt}, {@code aes-agreed.en.txt}. */
    public String fileName(String language) {
        return baseName + "." + language + ".txt";
    }
}
