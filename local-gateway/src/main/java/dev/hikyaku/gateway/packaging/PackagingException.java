package dev.hikyaku.gateway.packaging;

import dev.hikyaku.gateway.text.GatewayText;
import java.util.Locale;
import java.util.Objects;

/**
 * A message cannot be packaged as asked, and no copy was written: the sender has to decide (hold, send
 * otherwise, or change the message). Carries what happened in the user's language.
 */
public final class PackagingException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why; each names a resource-bundle key taking the detail as {@code {0}}. */
    public enum Reason {
        /** A multipart without a usable boundary: its parts cannot be told apart. */
        UNREADABLE_STRUCTURE("packaging.unreadableStructure"),
        /** Beyond the analysis limits: headers too large, nesting too deep, too many parts. */
        TOO_COMPLEX("packaging.tooComplex"),
        /** S/MIME signed or encrypted: repackaging would break the signature or is pointless. */
        SMIME("packaging.smime"),
        /** An attachment's transfer encoding is damaged, so its bytes are not known. */
        ATTACHMENT_DAMAGED("packaging.attachmentDamaged"),
        /** The passphrase appears in the subject, the body text or a file name. */
        PASSPHRASE_IN_MESSAGE("packaging.passphraseInMessage"),
        /** The hint is unusable (empty, too long, several lines) or gives the passphrase away. */
        BAD_HINT("packaging.badHint"),
        /** The zip would need Zip64 (4 GiB or more). */
        TOO_LARGE("packaging.tooLarge");

        private final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }

        /** The resource-bundle key of the user's message. */
        public String messageKey() {
            return messageKey;
        }
    }

    private final Reason reason;
    private final String detail;

    PackagingException(Reason reason, String detail, Throwable cause) {
        super(GatewayText.format(Locale.ENGLISH, reason.messageKey(), detail), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /** Why the message could not be packaged. */
    public Reason reason() {
        return reason;
    }

    /** The message in the given language. */
    public String message(Locale locale) {
        return GatewayText.format(locale, reason.messageKey(), detail);
    }
}
