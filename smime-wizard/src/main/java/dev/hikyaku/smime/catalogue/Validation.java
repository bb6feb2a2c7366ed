package dev.hikyaku.smime.catalogue;

import java.util.Locale;

/** What a CA checks before it issues (the S/MIME Baseline Requirements' certificate types). */
public enum Validation {
    /** Only that you control the mailbox (a code sent to it). */
    MAILBOX,
    /** The organisation behind the address, and the mailbox. */
    ORGANIZATION,
    /** Your identity (documents), and the mailbox. */
    INDIVIDUAL,
    /** Several products, from mailbox-only to identity-checked. */
    SEVERAL,
    /** Not confirmed. */
    UNKNOWN;

    /** The bundle key of the explanation. */
    public String messageKey() {
        return "catalogue.validation." + name().toLowerCase(Locale.ROOT);
    }
}
