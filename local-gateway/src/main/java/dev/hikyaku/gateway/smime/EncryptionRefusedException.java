package dev.hikyaku.gateway.smime;

/** A group's copy could not be S/MIME-signed or encrypted; the reason is for the sender's failure notice. */
public final class EncryptionRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A refusal saying {@code reason}. */
    public EncryptionRefusedException(String reason) {
        super(reason);
    }
}
