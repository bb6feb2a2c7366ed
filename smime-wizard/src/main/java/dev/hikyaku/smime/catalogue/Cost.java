package dev.hikyaku.smime.catalogue;

import java.util.Locale;

/** What a certificate costs, as far as it is known. */
public enum Cost {
    /** Free of charge. */
    FREE,
    /** Paid; the price is set by the CA or its resellers. */
    PAID,
    /** Not confirmed. */
    UNKNOWN;

    /** The bundle key of the explanation. */
    public String messageKey() {
        return "catalogue.cost." + name().toLowerCase(Locale.ROOT);
    }
}
