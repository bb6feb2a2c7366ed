package dev.hikyaku.gateway.guard;

/** Where a recipient is, as far as the guards care. */
public enum Reach {
    /** One of the company's own domains ({@code domains.internal}). */
    INTERNAL,
    /** A listed partner ({@code domains.partner}): outside the company, but staged delivery sends to it at once. */
    PARTNER,
    /** Anyone else. */
    EXTERNAL;

    /** Whether the recipient is outside the company: partners are, for every rule but staged delivery. */
    public boolean outside() {
        return this != INTERNAL;
    }
}
